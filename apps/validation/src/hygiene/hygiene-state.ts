import { isInactive } from '@optline/domain';

/** What validation keeps about a number's hygiene (one row of number_hygiene). */
export interface HygieneState {
  undeliverableAt?: Date;
  optedInAt?: Date;
  erasedAt?: Date;
  lastReplyAt?: Date;
  marketingSendsSinceReply: number;
  firstSendSinceReplyAt?: Date;
  inactiveReportedAt?: Date;
}

export const CLEAN_NUMBER: HygieneState = Object.freeze({ marketingSendsSinceReply: 0 });

export type HygieneFact =
  | { kind: 'undeliverable'; at: Date }
  | { kind: 'opted_in'; at: Date }
  | { kind: 'erased'; at: Date }
  | { kind: 'marketing_sent'; at: Date }
  | { kind: 'replied'; at: Date };

const newer = (a: Date | undefined, b: Date | undefined) => a !== undefined && (b === undefined || a > b);
const latest = (a: Date | undefined, b: Date) => (a !== undefined && a > b ? a : b);

/** An `undeliverable` delivery suppresses the number until its next opt-in (CONTRACT §3 "Numbers"). */
export function suppressedUndeliverable(state: HygieneState): boolean {
  return newer(state.undeliverableAt, state.optedInAt);
}

/** An erased number gets no contact again until a new opt-in (CONTRACT §4 erasure; GDPR Art. 17). */
export function erasedWithoutOptIn(state: HygieneState): boolean {
  return newer(state.erasedAt, state.optedInAt);
}

/** No reply for 180 days across 10 or more marketing sends: suppressed for marketing (CONTRACT §3). */
export function inactiveForMarketing(state: HygieneState, at: Date): boolean {
  return isInactive(
    {
      marketingSendsSinceReply: state.marketingSendsSinceReply,
      lastReplyAt: state.lastReplyAt,
      firstSendSinceReplyAt: state.firstSendSinceReplyAt,
    },
    at,
  );
}

/**
 * Applies one fact. Facts carry their own time and the state keeps the latest of each, so the result does not
 * depend on which topic's event arrives first. `change` marks a start or end of the undeliverable suppression.
 */
export function applyFact(
  state: HygieneState,
  fact: HygieneFact,
): { state: HygieneState; change?: 'suppressed' | 'unsuppressed' } {
  const before = suppressedUndeliverable(state);
  const next: HygieneState = { ...state };
  switch (fact.kind) {
    case 'undeliverable':
      next.undeliverableAt = latest(state.undeliverableAt, fact.at);
      break;
    case 'opted_in':
      next.optedInAt = latest(state.optedInAt, fact.at);
      break;
    case 'erased':
      next.erasedAt = latest(state.erasedAt, fact.at);
      break;
    case 'marketing_sent':
      // A send older than the last reply was answered already.
      if (state.lastReplyAt !== undefined && fact.at <= state.lastReplyAt) break;
      next.marketingSendsSinceReply = state.marketingSendsSinceReply + 1;
      next.firstSendSinceReplyAt =
        state.firstSendSinceReplyAt !== undefined && state.firstSendSinceReplyAt < fact.at
          ? state.firstSendSinceReplyAt
          : fact.at;
      break;
    case 'replied':
      if (state.lastReplyAt !== undefined && fact.at <= state.lastReplyAt) break;
      next.lastReplyAt = fact.at;
      next.marketingSendsSinceReply = 0;
      next.firstSendSinceReplyAt = undefined;
      next.inactiveReportedAt = undefined;
      break;
  }
  const after = suppressedUndeliverable(next);
  if (after && !before) return { state: next, change: 'suppressed' };
  if (before && !after) return { state: next, change: 'unsuppressed' };
  return { state: next };
}
