import type { Purpose } from '@optline/domain';

/** Why a number's consent changed: consent's own causes, a provider's opt-out error, or an erasure. */
export type ConsentCause = 'event' | 'keyword' | 'complaint' | 'provider' | 'erased';

/** What delivery itself knows about a number right before a provider call. */
export interface RecipientFacts {
  consent?: { status: 'opted_in' | 'opted_out'; cause: ConsentCause; at: Date; ledgerEventId: string };
  suppressedAt?: Date;
}

export type LastMomentVerdict =
  | { allowed: true }
  | { allowed: false; state: 'cancelled'; reason: 'OPTED_OUT'; detail: Record<string, unknown> }
  | { allowed: false; state: 'blocked'; reason: 'SUPPRESSED_UNDELIVERABLE'; detail: Record<string, unknown> };

/**
 * The check made before every provider attempt (DESIGN promise 3: a STOP that arrives while a message is in
 * flight before the provider call cancels it). An opt-out of the message's purpose newer than any opt-in
 * cancels it; revocation must be honoured promptly (47 CFR 64.1200(a)(10), CONTRACT §3). The one confirmation
 * of an opt-out and a HELP answer are exempt: they are the replies the opt-out itself calls for
 * (47 CFR 64.1200(a)(12); CTIA Messaging Principles) — but not after an erasure: nothing more goes to an erased
 * person (GDPR Art. 17). A number an `undeliverable` receipt suppressed is blocked until a newer opt-in
 * (CONTRACT §3).
 */
export function lastMomentCheck(
  message: { kind: string; purpose: Purpose },
  facts: RecipientFacts,
): LastMomentVerdict {
  const exempt =
    (message.kind === 'confirmation' || message.kind === 'help') && facts.consent?.cause !== 'erased';
  if (!exempt && facts.consent?.status === 'opted_out') {
    return {
      allowed: false,
      state: 'cancelled',
      reason: 'OPTED_OUT',
      detail: {
        checkedBy: 'delivery',
        ledgerEventId: facts.consent.ledgerEventId,
        optedOutAt: facts.consent.at.toISOString(),
      },
    };
  }
  if (facts.suppressedAt) {
    return {
      allowed: false,
      state: 'blocked',
      reason: 'SUPPRESSED_UNDELIVERABLE',
      detail: { checkedBy: 'delivery', suppressedAt: facts.suppressedAt.toISOString() },
    };
  }
  return { allowed: true };
}
