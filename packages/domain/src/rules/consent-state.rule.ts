import type { z } from 'zod';

import type { ConsentMethod } from '../contract/inputs';
import type { Purpose } from '../contract/primitives';

/** One entry of the consent ledger, as the rules need it. */
export interface ConsentLedgerEntry {
  id: string;
  purpose: Purpose;
  action: 'opt_in' | 'opt_out';
  method: z.infer<typeof ConsentMethod>;
  occurredAt: Date;
  expiresAt?: Date;
  /** Country of the number, for consent clocks such as CASL's. */
  region?: string;
  /** Implied (not express) consent, e.g. an existing business relationship. */
  implied?: boolean;
}

export type ConsentStatus = 'opted_in' | 'opted_out' | 'none' | 'expired';
export interface ConsentState {
  status: ConsentStatus;
  /** When the status began (for `expired`, when the consent ran out). */
  since?: Date;
  /** The entry that set the status. */
  event?: ConsentLedgerEntry;
}

export type ConsentCheck =
  | { allowed: true; eventId?: string }
  | { allowed: false; reason: 'NO_CONSENT' | 'OPTED_OUT' | 'CONSENT_EXPIRED'; eventId?: string };

/** CASL implied consent lasts 2 years after the purchase or agreement that implied it. */
const CASL_IMPLIED_YEARS = 2;

/**
 * The consent status of one purpose at `at`, from the ledger:
 * - only entries with `occurredAt <= at` count, and the newest by `occurredAt` decides, whatever order they
 *   arrived in: a late-arriving older opt-in never overrides a newer opt-out. On a tie, opt-out wins.
 * - an opt-in ends at its `expiresAt`; implied consent in Canada (region CA, method `import` or `implied`)
 *   ends 2 years after it occurred unless `expiresAt` is sooner (CASL s. 10(9); CRTC guidance: implied consent
 *   lasts 2 years after a purchase, 6 months after an inquiry [P]). We cannot tell an inquiry from a purchase;
 *   a producer that knows it was an inquiry sends `expiresAt`. Express consent does not expire.
 */
export function consentStateAt(events: ConsentLedgerEntry[], purpose: Purpose, at: Date): ConsentState {
  const now = at.getTime();
  let latest: ConsentLedgerEntry | undefined;
  for (const event of events) {
    if (event.purpose !== purpose || event.occurredAt.getTime() > now) continue;
    if (latest === undefined || isNewer(event, latest)) latest = event;
  }
  if (latest === undefined) return { status: 'none' };
  if (latest.action === 'opt_out') return { status: 'opted_out', since: latest.occurredAt, event: latest };
  const expiry = expiryOf(latest);
  if (expiry !== undefined && expiry.getTime() <= now)
    return { status: 'expired', since: expiry, event: latest };
  return { status: 'opted_in', since: latest.occurredAt, event: latest };
}

/** Newer by occurredAt; on a tie an opt-out beats an opt-in, then the smaller id (so input order never matters). */
function isNewer(a: ConsentLedgerEntry, b: ConsentLedgerEntry): boolean {
  const difference = a.occurredAt.getTime() - b.occurredAt.getTime();
  if (difference !== 0) return difference > 0;
  if (a.action !== b.action) return a.action === 'opt_out';
  return a.id < b.id;
}

function expiryOf(event: ConsentLedgerEntry): Date | undefined {
  const impliedInCanada = event.region === 'CA' && (event.method === 'import' || event.implied === true);
  if (!impliedInCanada) return event.expiresAt;
  const implied = new Date(event.occurredAt.getTime());
  implied.setUTCFullYear(implied.getUTCFullYear() + CASL_IMPLIED_YEARS);
  return event.expiresAt !== undefined && event.expiresAt < implied ? event.expiresAt : implied;
}

/**
 * Whether a message of this purpose may go, given the consent state (CONTRACT §3): marketing needs an opt-in
 * that is current (TCPA prior express written consent, 47 CFR 64.1200(a)(2); GDPR Art. 7; CASL s. 6);
 * transactional needs only the absence of a transactional opt-out.
 */
export function checkConsent(purpose: Purpose, state: ConsentState): ConsentCheck {
  const eventId = state.event?.id;
  const withEvent = eventId === undefined ? {} : { eventId };
  if (state.status === 'opted_out') return { allowed: false, reason: 'OPTED_OUT', ...withEvent };
  if (purpose === 'transactional' || state.status === 'opted_in') return { allowed: true, ...withEvent };
  if (state.status === 'expired') return { allowed: false, reason: 'CONSENT_EXPIRED', ...withEvent };
  return { allowed: false, reason: 'NO_CONSENT' };
}
