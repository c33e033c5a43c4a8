import type { Purpose, ReleasedItem } from '@optline/domain';

import type { ProviderName } from '../providers/sms-provider';

export type LedgerState =
  'attempting' | 'retry_wait' | 'sent' | 'failed' | 'unknown' | 'cancelled' | 'blocked';
export type FinalState = 'sent' | 'failed' | 'unknown' | 'cancelled' | 'blocked';
export const FINAL_STATES: readonly FinalState[] = ['sent', 'failed', 'unknown', 'cancelled', 'blocked'];

export function isFinal(state: LedgerState): state is FinalState {
  return (FINAL_STATES as readonly string[]).includes(state);
}

/** One send ledger row, as the code sees it. */
export interface LedgerRow {
  tenantId: string;
  messageId: string;
  /** Cleared once the number is erased and nothing is left to send. */
  e164: string | null;
  phoneFingerprint: string;
  purpose: Purpose;
  kind: string;
  campaignId: string | null;
  provider: ProviderName;
  state: LedgerState;
  attempts: number;
  /** Advisory-lock key of the process whose call may be in flight; null when nobody is calling. */
  attemptOwner: string | null;
  nextAttemptAt: Date | null;
  providerMessageId: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
  reported: boolean;
  receiptStatus: string | null;
  resultAt: Date | null;
}

/** What the ledger knows about a message before it is written (from the released item). */
export interface LedgerEntry {
  tenantId: string;
  messageId: string;
  e164: string;
  phoneFingerprint: string;
  purpose: Purpose;
  kind: string;
  campaignId?: string;
  provider: ProviderName;
  payload: ReleasedItem;
}

/** A decision that ends a message without a provider call (last-moment check). */
export interface UnsentFinal {
  entry: LedgerEntry;
  state: 'cancelled' | 'blocked';
  reason: 'OPTED_OUT' | 'SUPPRESSED_UNDELIVERABLE';
  detail: Record<string, unknown>;
  at: Date;
}

/** The result of a round of provider calls, to be recorded against the attempting row. */
export interface AttemptResult {
  tenantId: string;
  messageId: string;
  /** `attempting` with a null owner: the result is still unknown and will be looked up again later. */
  state: LedgerState;
  calls: number;
  providerMessageId?: string;
  reason?: string;
  detail: Record<string, unknown>;
  nextAttemptAt?: Date;
  at: Date;
  /** The owner the row must still have for this result to be written (null: an abandoned, unresolved attempt). */
  expectedOwner: string | null;
}

export const ledgerKey = (tenantId: string, messageId: string) => `${tenantId}\u0000${messageId}`;
