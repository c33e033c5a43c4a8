import { createHmac } from 'node:crypto';

import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';

/**
 * Keyed fingerprint of a number for one tenant: HMAC-SHA256 hex of `tenantId:e164`. After an erasure (GDPR
 * Art. 17) the ledger, the audit trail and the suppression list keep only this, so the number is never texted
 * again without a new opt-in (compliance-rules.md §3.13) and two tenants' fingerprints cannot be joined.
 */
export function phoneFingerprint(key: string, tenantId: string, e164: string): string {
  return createHmac('sha256', key).update(`${tenantId}:${e164}`, 'utf8').digest('hex');
}

/** Country calling codes of every region, plus the non-geographic ones (+800, +808, +870, +878, +881-883, +888, +979). */
const CALLING_CODES: ReadonlySet<string> = new Set([
  ...getCountries().map((country) => getCountryCallingCode(country)),
  '800',
  '808',
  '870',
  '878',
  '881',
  '882',
  '883',
  '888',
  '979',
]);

const KEPT_LEADING = 3;
const KEPT_TRAILING = 2;

/**
 * A number fit for logs and screens: the country code, the first 3 and the last 2 digits of the rest, every
 * other digit a bullet (+12125550123 → +1212•••••23). Short or unparseable input keeps only what is safe.
 */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const code =
    [1, 2, 3].map((length) => digits.slice(0, length)).find((prefix) => CALLING_CODES.has(prefix)) ?? '';
  const rest = digits.slice(code.length);
  if (rest.length <= KEPT_LEADING + KEPT_TRAILING) return `+${code}${'•'.repeat(rest.length)}`;
  const hidden = rest.length - KEPT_LEADING - KEPT_TRAILING;
  return `+${code}${rest.slice(0, KEPT_LEADING)}${'•'.repeat(hidden)}${rest.slice(-KEPT_TRAILING)}`;
}
