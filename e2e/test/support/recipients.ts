import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';

import {
  DEFAULT_POLICY,
  checkSendingWindow,
  effectiveRules,
  isHoliday,
  normalisePhone,
  resolveRecipientZones,
  subdivisionsForNumber,
} from '@optline/domain';

/** How the recipient's window looks now and for the next `minutes`. */
type WindowState = 'open' | 'quiet' | 'holiday';

const MINUTES = 20;

/**
 * Candidate mobile numbers: a few per zone, so at any hour some are open and some closed. None where the law
 * asks more of a plain marketing message (India: DLT registration; Australia: sender contact details).
 */
const CANDIDATES = [
  '+12125550100', // New York
  '+13105550100', // Los Angeles
  '+18085550100', // Honolulu
  '+15125550100', // Austin
  '+33612345600', // France
  '+447700900100', // UK (reserved drama range is invalid, so below)
  '+447911123400',
  '+4915123456700', // Germany
  '+8613812345600', // China
  '+81901234500', // Japan
  '+5511912345600', // Brazil
];

function stateAt(e164: string, at: Date): WindowState {
  const parsed = normalisePhone(e164);
  if (!parsed.ok) return 'quiet';
  const subdivisions = subdivisionsForNumber(parsed.e164);
  const zones = resolveRecipientZones({ e164: parsed.e164, region: parsed.region });
  const rules = effectiveRules({ region: parsed.region, subdivisions }, { ...DEFAULT_POLICY });
  const check = checkSendingWindow(at, zones, rules);
  if (check.allowed) return 'open';
  return check.reason === 'HOLIDAY' ? 'holiday' : 'quiet';
}

/** The state must hold from now until `minutes` from now, so a test run cannot straddle a boundary. */
function steady(e164: string, want: WindowState, minutes = MINUTES): boolean {
  const now = Date.now();
  return [0, minutes / 2, minutes].every((m) => stateAt(e164, new Date(now + m * 60000)) === want);
}

/** A valid mobile number whose marketing window is open (or closed for quiet hours) right now. */
export function numberWhere(want: 'open' | 'quiet', variant: number): string {
  for (const candidate of CANDIDATES) {
    if (normalisePhone(candidate).ok && steady(candidate, want)) return withVariant(candidate, variant);
  }
  throw new Error(`no candidate number is ${want} now (${new Date().toISOString()})`);
}

/** A mobile number of a country that has a public holiday right now, inside its usual hours. */
export function numberOnHoliday(variant: number): string | undefined {
  for (const country of getCountries()) {
    const example = getExampleNumber(country, examples);
    if (!example) continue;
    const e164 = example.number;
    const parsed = normalisePhone(e164);
    if (!parsed.ok || !steady(e164, 'holiday')) continue;
    const zones = resolveRecipientZones({ e164: parsed.e164, region: parsed.region });
    const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: zones[0] }).format(new Date());
    if (isHoliday(localDay, [{ country: parsed.region }])) return withVariant(e164, variant);
  }
  return undefined;
}

/** Varies the last four digits so each test gets numbers of its own, keeping the number valid. */
function withVariant(e164: string, variant: number): string {
  for (let i = 0; i < 100; i++) {
    const digits = String((variant * 7919 + i) % 10000).padStart(4, '0');
    const candidate = `${e164.slice(0, -4)}${digits}`;
    if (normalisePhone(candidate).ok) return candidate;
  }
  return e164;
}
