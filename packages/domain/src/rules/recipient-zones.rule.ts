import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js/max';

import { longestMatch, mapZonesUnder, regionZones } from './numbers.rule';
import { NON_GEOGRAPHIC_MOBILE_RANGES, ZONE_SPANNING_AREA_CODES } from './zone-candidates.data';

/** `+1` and ten digits; the map lists NANP exchanges as `1` + area code + exchange. */
const NANP = /^\+1\d{10}$/;
const EXCHANGE_PREFIX_LENGTH = 7;

/**
 * Candidate zones of a recipient (CONTRACT §3; compliance-rules.md §3.1-§3.4). The window must hold in every
 * one of them, so more candidates only ever narrow it:
 * 1. the number's zones: an exchange the map lists gives the map's zones; any other number of an area code that
 *    spans zones gives every zone of the code (ZONE_SPANNING_AREA_CODES and every zone the map lists under the
 *    code); a mobile of a country whose mobiles carry no place gives every zone of the country; a number the
 *    map knows only by its country code gives every zone of the country;
 * 2. the contact's own zone (an address or a stated zone), when given, is added: both must allow (§3.3).
 * [] when nothing is known (then nothing is sent: deny by default, §3.1).
 */
export function resolveRecipientZones(input: {
  e164: string;
  region: string;
  contactTimeZone?: string;
}): string[] {
  const own =
    input.contactTimeZone === undefined || input.contactTimeZone === '' ? [] : [input.contactTimeZone];
  return [...new Set([...own, ...numberZones(input.e164, input.region)])];
}

/** The zones a number may be in, from the numbering plan alone. */
export function numberZones(e164: string, region: string): string[] {
  const match = longestMatch(e164);
  if (NANP.test(e164) && (match === undefined || match.prefix.length < EXCHANGE_PREFIX_LENGTH)) {
    const areaCode = areaCodeZones(e164.slice(2, 5));
    if (areaCode.length > 0) return areaCode;
  }
  if (isNonGeographicMobile(e164, region)) {
    const country = regionZones(region);
    if (country.length > 0) return country;
  }
  const bareCountryCode =
    match !== undefined && isSupportedCountry(region) && match.prefix === getCountryCallingCode(region);
  if (match !== undefined && !bareCountryCode) return [...match.zones];
  const country = regionZones(region);
  if (country.length > 0) return country;
  return match === undefined ? [] : [...match.zones];
}

/**
 * Every zone an area code's territory spans: the listed ones (ZONE_SPANNING_AREA_CODES) and every zone the map
 * gives any of its exchanges. For a code within one zone, that zone; [] for a code the map does not know.
 */
export function areaCodeZones(areaCode: string): string[] {
  const listed = Object.hasOwn(ZONE_SPANNING_AREA_CODES, areaCode) ? ZONE_SPANNING_AREA_CODES[areaCode] : [];
  return [...new Set([...(listed ?? []), ...mapZonesUnder(`1${areaCode}`)])];
}

function isNonGeographicMobile(e164: string, region: string): boolean {
  const digits = e164.slice(1);
  return NON_GEOGRAPHIC_MOBILE_RANGES.some(
    (range) => range.region === region && digits.startsWith(range.prefix),
  );
}
