import type { Purpose } from '@optline/domain';

/** A consent change as consent published it, numbered in the order scheduling recorded it. */
export interface ConsentRecord {
  seq: number;
  purpose: Purpose;
  status: 'opted_in' | 'opted_out';
  ledgerEventId: string;
}

/**
 * Whether a message consent let through has been revoked since: an opt-out of its purpose recorded after the
 * consent event that allowed it (CONTRACT §3: a STOP cancels waiting messages; DESIGN promise 3).
 *
 * Consent publishes a `consent_changed` for every event that becomes the deciding one, on the recipient's
 * partition, in its own order, so the order scheduling records them in is the order consent decided them in.
 * Cleared messages come on another topic, though, and may overtake or trail those events. So:
 * - the message names its deciding event (`consentEventId`): opt-outs recorded after that event revoke it;
 * - no deciding event (transactional, nothing in the ledger): every recorded opt-out came after the check;
 * - a deciding event not recorded yet: every opt-out recorded so far came before it, so only those recorded after
 *   `knownUpTo` (the highest seq when the message arrived) can revoke it; on arrival nothing does.
 */
export function isRevoked(
  history: readonly ConsentRecord[],
  message: { purpose: Purpose; consentEventId?: string | undefined },
  knownUpTo = Infinity,
): boolean {
  const decidedAt =
    message.consentEventId === undefined
      ? 0
      : (history.find((record) => record.ledgerEventId === message.consentEventId)?.seq ?? knownUpTo);
  return history.some(
    (record) => record.purpose === message.purpose && record.status === 'opted_out' && record.seq > decidedAt,
  );
}

export function highestSeq(history: readonly ConsentRecord[]): number {
  return history.reduce((highest, record) => Math.max(highest, record.seq), 0);
}
