import Holidays from 'date-holidays';
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

import { loadPhoneTimeZones } from './phone-time-zones.data';

export type NumberType =
  | 'MOBILE'
  | 'FIXED_LINE'
  | 'FIXED_LINE_OR_MOBILE'
  | 'TOLL_FREE'
  | 'PREMIUM_RATE'
  | 'SHARED_COST'
  | 'VOIP'
  | 'PERSONAL_NUMBER'
  | 'PAGER'
  | 'UAN'
  | 'VOICEMAIL'
  | 'UNKNOWN';

export type NormalisedPhone =
  | { ok: true; e164: string; region: string; numberType: NumberType; smsCapable: boolean }
  | {
      ok: false;
      reason: 'INVALID_NUMBER' | 'NOT_SMS_CAPABLE';
      e164?: string;
      region?: string;
      numberType?: NumberType;
    };

/** Types that cannot receive SMS (CONTRACT §3 "Numbers"). Everything else that is valid can. */
const NOT_SMS_CAPABLE: ReadonlySet<NumberType> = new Set<NumberType>([
  'FIXED_LINE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'PAGER',
  'UAN',
  'VOICEMAIL',
]);

/** libphonenumber's region code for numbers that belong to no country (+800, +881, ...). */
const NON_GEOGRAPHIC_REGION = '001';
const NON_ASCII = /[\u0080-\uffff]/;
const LEADING_00 = /^\s*00/;

/**
 * Normalises a number as a person would type it to E.164 and classifies it, using libphonenumber-js with
 * the `max` metadata (the only metadata that knows number types; `min` accepts numbers `max` rejects).
 * Runs per message, so it parses once and asks for the type once: with `max` metadata a number is valid
 * exactly when it has a type, and `isValid()` is consulted only on the invalid path.
 */
export function normalisePhone(raw: string, defaultCountry?: string): NormalisedPhone {
  // Full-width digits and '＋' (ＴＤ-style input from CJK keyboards) become ASCII; skipped for plain input.
  const text = NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw;
  const country =
    defaultCountry !== undefined && isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  let parsed = parsePhoneNumberFromString(text, country);
  let type = parsed?.getType();
  if (type === undefined && LEADING_00.test(text)) {
    // "00 49 151 ..." is the international prefix of most of the world, even when the default country's is not 00.
    const retry = parsePhoneNumberFromString(text.replace(LEADING_00, '+'), country);
    const retryType = retry?.getType();
    if (retryType !== undefined) {
      parsed = retry;
      type = retryType;
    }
  }
  if (parsed === undefined) return { ok: false, reason: 'INVALID_NUMBER' };
  const e164 = parsed.number;
  if (type === undefined && !parsed.isValid()) {
    return parsed.country === undefined
      ? { ok: false, reason: 'INVALID_NUMBER', e164 }
      : { ok: false, reason: 'INVALID_NUMBER', e164, region: parsed.country };
  }
  const region = parsed.country ?? NON_GEOGRAPHIC_REGION;
  const numberType: NumberType = type ?? 'UNKNOWN';
  if (NOT_SMS_CAPABLE.has(numberType))
    return { ok: false, reason: 'NOT_SMS_CAPABLE', e164, region, numberType };
  return { ok: true, e164, region, numberType, smsCapable: true };
}

const TIME_ZONES = loadPhoneTimeZones();
const LONGEST_PREFIX = Math.max(...[...TIME_ZONES.keys()].map((key) => key.length));

/**
 * Candidate IANA zones of a number from Google's map (NANP down to NPA-NXX). Several zones when the range
 * spans zones (US 208 → Boise and Los Angeles); when only the bare country code matches, all the zones it
 * lists (they are all candidates); [] when the map knows nothing.
 */
export function zonesForNumber(e164: string): string[] {
  return [...(longestMatch(e164)?.zones ?? [])];
}

/** The longest prefix of the number's digits that the map holds, with its zones. */
export function longestMatch(e164: string): { prefix: string; zones: readonly string[] } | undefined {
  const digits = e164.startsWith('+') ? e164.slice(1) : e164;
  for (let length = Math.min(digits.length, LONGEST_PREFIX); length > 0; length--) {
    const prefix = digits.slice(0, length);
    const zones = TIME_ZONES.get(prefix);
    if (zones !== undefined) return { prefix, zones };
  }
  return undefined;
}

const ZONES_UNDER = new Map<string, readonly string[]>();

/**
 * Every zone the map gives any prefix that starts with `prefix` (the prefix itself included): for a NANP
 * area code, the zones of all its listed exchanges. Cached per prefix.
 */
export function mapZonesUnder(prefix: string): string[] {
  let zones = ZONES_UNDER.get(prefix);
  if (zones === undefined) {
    const found = new Set<string>();
    for (const [key, each] of TIME_ZONES)
      if (key.startsWith(prefix)) for (const zone of each) found.add(zone);
    zones = Object.freeze([...found]);
    ZONES_UNDER.set(prefix, zones);
  }
  return [...zones];
}

const REGION_ZONES = new Map<string, readonly string[]>();

/**
 * All zones of a country, for the "strictest zone of the country" fallback (CONTRACT §3). From date-holidays'
 * per-country list (IANA zone.tab); for a country it does not know, the zones Google's map gives its calling code.
 * Cached per region: the answer never changes for a given installation.
 */
export function regionZones(region: string): string[] {
  let zones = REGION_ZONES.get(region);
  if (zones === undefined) {
    zones = Object.freeze(computeRegionZones(region));
    REGION_ZONES.set(region, zones);
  }
  return [...zones];
}

function computeRegionZones(region: string): string[] {
  if (!/^[A-Z]{2}$/.test(region)) return [];
  if (Object.hasOwn(new Holidays().getCountries(), region)) return new Holidays(region).getTimezones();
  if (!isSupportedCountry(region)) return [];
  return [...(TIME_ZONES.get(getCountryCallingCode(region)) ?? [])];
}
