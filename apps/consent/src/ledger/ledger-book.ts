import { consentStateAt, type ConsentLedgerEntry, type ConsentState, type Purpose } from '@optline/domain';

/** One row of the consent ledger, as consent works with it. */
export interface LedgerRow extends ConsentLedgerEntry {
  tenantId: string;
  fingerprint: string;
  e164: string | null;
  proof: Record<string, unknown>;
  cause: LedgerCause;
}

export type LedgerCause = 'event' | 'keyword' | 'complaint';

/** A consent state whose deciding event is a row of this book. */
export interface LedgerState extends ConsentState {
  event?: LedgerRow;
}

/**
 * The ledgers of the numbers in one consumed batch, loaded once and kept current as the batch appends, so that
 * an opt-in followed by a message for the same number in one batch is decided in order.
 */
export class LedgerBook {
  private readonly byNumber = new Map<string, LedgerRow[]>();

  constructor(rows: LedgerRow[] = []) {
    for (const row of rows) this.add(row);
  }

  add(row: LedgerRow): void {
    const key = numberKey(row.tenantId, row.fingerprint);
    const rows = this.byNumber.get(key) ?? [];
    if (!rows.some((each) => each.id === row.id)) rows.push(row);
    this.byNumber.set(key, rows);
  }

  rows(tenantId: string, fingerprint: string): LedgerRow[] {
    return this.byNumber.get(numberKey(tenantId, fingerprint)) ?? [];
  }

  /**
   * The consent of one purpose at `at`. An event stamped after `at` is taken as already happened: what the ledger
   * holds has happened, and a STOP stamped by a clock a little ahead of ours must count at once.
   */
  state(tenantId: string, fingerprint: string, purpose: Purpose, at: Date): LedgerState {
    const rows = this.rows(tenantId, fingerprint);
    const newest = Math.max(at.getTime(), ...rows.map((row) => row.occurredAt.getTime()));
    // consentStateAt returns one of the entries it was given, so the deciding event is one of these rows.
    return consentStateAt(rows, purpose, new Date(newest)) as LedgerState;
  }

  /** After an erasure the rows no longer hold the number. */
  forget(tenantId: string, fingerprint: string): void {
    for (const row of this.rows(tenantId, fingerprint)) row.e164 = null;
  }
}

function numberKey(tenantId: string, fingerprint: string): string {
  return `${tenantId}\u0000${fingerprint}`;
}
