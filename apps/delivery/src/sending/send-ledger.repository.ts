import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';

import type { AcceptedReceipt, ReleasedItem } from '@optline/domain';
import { inTransaction, type Db } from '@optline/platform';

import { OWNER_GONE } from './attempt-owner';
import type { AttemptResult, LedgerEntry, LedgerRow, UnsentFinal } from './send-ledger.rows';

const columns = (table: string) => `
  ${table}tenant_id, ${table}message_id, ${table}e164, ${table}phone_fingerprint, ${table}purpose, ${table}kind,
  ${table}campaign_id, ${table}provider, ${table}state, ${table}attempts, ${table}attempt_owner::text as attempt_owner,
  ${table}next_attempt_at, ${table}provider_message_id, ${table}reason, ${table}detail, ${table}reported,
  ${table}receipt_status, ${table}result_at`;
const COLUMNS = columns('');
const KEYS = `select * from unnest($1::text[], $2::text[]) as k(tenant_id, message_id)`;

const FIND = `select ${COLUMNS} from send_ledger where (tenant_id, message_id) in (${KEYS})`;
const FIND_BY_PROVIDER_IDS = `
  select ${COLUMNS} from send_ledger
   where (tenant_id, provider_message_id) in (select * from unnest($1::text[], $2::text[]))`;
const ENTRY_ARRAYS = `$1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]`;
const ENTRY_COLUMNS =
  'tenant_id, message_id, e164, phone_fingerprint, purpose, kind, campaign_id, provider, payload';

const CLAIM_NEW_OR_WAITING = `
  insert into send_ledger as l (${ENTRY_COLUMNS}, state, attempt_owner, attempt_started_at, next_attempt_at)
  select x.*, 'attempting', $10::bigint, now(), now() + make_interval(secs => $11)
    from unnest(${ENTRY_ARRAYS}) as x
  on conflict (tenant_id, message_id) do update
     set state = 'attempting', attempt_owner = excluded.attempt_owner, attempt_started_at = now(),
         next_attempt_at = excluded.next_attempt_at, republished_at = null, updated_at = now()
   where l.state = 'retry_wait'
  returning l.tenant_id, l.message_id, l.attempts`;
const RECLAIM_ABANDONED = `
  update send_ledger l
     set attempt_owner = $3::bigint, attempt_started_at = now(), next_attempt_at = now() + make_interval(secs => $4),
         republished_at = null, updated_at = now()
    from unnest($1::text[], $2::text[], $5::bigint[]) as x(tenant_id, message_id, expected_owner)
   where l.tenant_id = x.tenant_id and l.message_id = x.message_id and l.state = 'attempting'
     and l.attempt_owner is not distinct from x.expected_owner
  returning l.tenant_id, l.message_id, l.attempts`;
const RECORD_RESULTS = `
  update send_ledger l
     set state = x.state, attempts = l.attempts + x.calls,
         provider_message_id = coalesce(x.provider_message_id, l.provider_message_id),
         reason = x.reason, detail = x.detail, next_attempt_at = x.next_attempt_at, result_at = x.at,
         attempt_owner = null, republished_at = null,
         payload = case when x.state in ('retry_wait', 'attempting') then l.payload end, updated_at = now()
    from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::jsonb[], $8::timestamptz[],
                $9::timestamptz[], $10::bigint[])
         as x(tenant_id, message_id, state, calls, provider_message_id, reason, detail, next_attempt_at, at, expected_owner)
   where l.tenant_id = x.tenant_id and l.message_id = x.message_id and l.state = 'attempting'
     and l.attempt_owner is not distinct from x.expected_owner
  returning ${columns('l.')}`;
const INSERT_UNSENT = `
  insert into send_ledger (${ENTRY_COLUMNS}, state, reason, detail, result_at, reported)
  select x.tenant_id, x.message_id, x.e164, x.phone_fingerprint, x.purpose, x.kind, x.campaign_id, x.provider, null,
         x.state, x.reason, x.detail, x.at, true
    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                $10::text[], $11::text[], $12::jsonb[], $13::timestamptz[])
         as x(tenant_id, message_id, e164, phone_fingerprint, purpose, kind, campaign_id, provider, payload, state, reason, detail, at)
  on conflict (tenant_id, message_id) do update
     set state = excluded.state, reason = excluded.reason, detail = excluded.detail, result_at = excluded.result_at,
         reported = true, payload = null, next_attempt_at = null, updated_at = now()
   where send_ledger.state = 'retry_wait'
  returning tenant_id, message_id`;
const PARK = `
  insert into send_ledger as l (${ENTRY_COLUMNS}, state, next_attempt_at)
  select t, m, e, f, p, k, c, pr, pl, 'retry_wait', n
    from unnest(${ENTRY_ARRAYS}, $10::timestamptz[]) as x(t, m, e, f, p, k, c, pr, pl, n)
  on conflict (tenant_id, message_id) do update
     set next_attempt_at = excluded.next_attempt_at, republished_at = null, updated_at = now()
   where l.state = 'retry_wait'`;
const MARK_REPORTED = `update send_ledger set reported = true, updated_at = now() where (tenant_id, message_id) in (${KEYS})`;
const RECORD_RECEIPTS = `
  update send_ledger l set receipt_status = x.status, updated_at = now()
    from unnest($1::text[], $2::text[], $3::text[]) as x(tenant_id, provider_message_id, status)
   where l.tenant_id = x.tenant_id and l.provider_message_id = x.provider_message_id
     and l.reported and l.receipt_status is null
  returning l.tenant_id, l.provider_message_id`;
const FORGET_NUMBER = `
  update send_ledger set e164 = null, updated_at = now()
   where tenant_id = $1 and phone_fingerprint = $2 and state not in ('attempting', 'retry_wait')`;
// Rows whose next round is due, and attempts abandoned by a process that is gone (its advisory lock is free).
const CLAIM_DUE = `
  select tenant_id, message_id, state, payload,
         case when state = 'attempting' and attempt_owner is not null then ${OWNER_GONE('attempt_owner')}
              else true end as owner_gone
    from send_ledger
   where state in ('retry_wait', 'attempting') and next_attempt_at <= now() and payload is not null
     and (republished_at is null or republished_at < now() - make_interval(secs => $2))
   order by next_attempt_at
   limit $1
   for update skip locked`;
const MARK_REPUBLISHED = `update send_ledger set republished_at = now() where (tenant_id, message_id) in (${KEYS})`;
const SAVE_UNMATCHED = `
  insert into unmatched_receipt (tenant_id, provider_message_id, receipt)
  select * from unnest($1::text[], $2::text[], $3::jsonb[]) on conflict do nothing`;
const CLAIM_MATCHED_RECEIPTS = `
  delete from unmatched_receipt
   where ctid in (select u.ctid from unmatched_receipt u
                    join send_ledger l on l.tenant_id = u.tenant_id and l.provider_message_id = u.provider_message_id
                   where l.reported
                   limit $1 for update of u skip locked)
  returning receipt`;
const DROP_OLD_UNMATCHED = `delete from unmatched_receipt where received_at < now() - make_interval(days => $1)`;

interface DbRow {
  tenant_id: string;
  message_id: string;
  e164: string | null;
  phone_fingerprint: string;
  purpose: LedgerRow['purpose'];
  kind: string;
  campaign_id: string | null;
  provider: LedgerRow['provider'];
  state: LedgerRow['state'];
  attempts: number;
  attempt_owner: string | null;
  next_attempt_at: Date | null;
  provider_message_id: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
  reported: boolean;
  receipt_status: string | null;
  result_at: Date | null;
}

function toRow(row: DbRow): LedgerRow {
  return {
    tenantId: row.tenant_id,
    messageId: row.message_id,
    e164: row.e164,
    phoneFingerprint: row.phone_fingerprint,
    purpose: row.purpose,
    kind: row.kind,
    campaignId: row.campaign_id,
    provider: row.provider,
    state: row.state,
    attempts: row.attempts,
    attemptOwner: row.attempt_owner,
    nextAttemptAt: row.next_attempt_at,
    providerMessageId: row.provider_message_id,
    reason: row.reason,
    detail: row.detail,
    reported: row.reported,
    receiptStatus: row.receipt_status,
    resultAt: row.result_at,
  };
}

function entryArrays(entries: LedgerEntry[]) {
  return [
    entries.map((e) => e.tenantId),
    entries.map((e) => e.messageId),
    entries.map((e) => e.e164),
    entries.map((e) => e.phoneFingerprint),
    entries.map((e) => e.purpose),
    entries.map((e) => e.kind),
    entries.map((e) => e.campaignId ?? null),
    entries.map((e) => e.provider),
    entries.map((e) => JSON.stringify(e.payload)),
  ];
}

export interface Claimed {
  tenantId: string;
  messageId: string;
  attemptsBefore: number;
}

export interface DueRound {
  tenantId: string;
  messageId: string;
  payload: ReleasedItem;
}

/** The send ledger: the only SQL of the sending feature. */
@Injectable()
export class SendLedgerRepository {
  constructor(private readonly pool: Pool) {}

  async find(db: Db, keys: Array<{ tenantId: string; messageId: string }>): Promise<LedgerRow[]> {
    if (keys.length === 0) return [];
    const { rows } = await db.query<DbRow>(FIND, [keys.map((k) => k.tenantId), keys.map((k) => k.messageId)]);
    return rows.map(toRow);
  }

  async findByProviderIds(
    db: Db,
    keys: Array<{ tenantId: string; providerMessageId: string }>,
  ): Promise<LedgerRow[]> {
    if (keys.length === 0) return [];
    const { rows } = await db.query<DbRow>(FIND_BY_PROVIDER_IDS, [
      keys.map((k) => k.tenantId),
      keys.map((k) => k.providerMessageId),
    ]);
    return rows.map(toRow);
  }

  /**
   * Records "a call is about to be made" and COMMITS it, in its own short transaction on the pool, before any
   * provider call: new messages and due retries become `attempting` under this process's owner key, and so do
   * attempts abandoned by a dead process once reconciliation found the provider never got them. Only the rows
   * returned may be sent.
   */
  async claim(
    fresh: LedgerEntry[],
    abandoned: Array<{ tenantId: string; messageId: string; expectedOwner: string | null }>,
    owner: string,
    staleAfterSeconds: number,
  ): Promise<Claimed[]> {
    if (fresh.length === 0 && abandoned.length === 0) return [];
    return inTransaction(this.pool, async (tx) => {
      const claimed: Claimed[] = [];
      if (fresh.length > 0) {
        const { rows } = await tx.query(CLAIM_NEW_OR_WAITING, [
          ...entryArrays(fresh),
          owner,
          staleAfterSeconds,
        ]);
        claimed.push(...rows.map(toClaimed));
      }
      if (abandoned.length > 0) {
        const { rows } = await tx.query(RECLAIM_ABANDONED, [
          abandoned.map((a) => a.tenantId),
          abandoned.map((a) => a.messageId),
          owner,
          staleAfterSeconds,
          abandoned.map((a) => a.expectedOwner),
        ]);
        claimed.push(...rows.map(toClaimed));
      }
      return claimed;
    });
  }

  /** Stores what the provider answered, committed at once on the pool (the provider id is kept as soon as known). */
  async recordResults(results: AttemptResult[]): Promise<LedgerRow[]> {
    if (results.length === 0) return [];
    const { rows } = await this.pool.query<DbRow>(RECORD_RESULTS, [
      results.map((r) => r.tenantId),
      results.map((r) => r.messageId),
      results.map((r) => r.state),
      results.map((r) => r.calls),
      results.map((r) => r.providerMessageId ?? null),
      results.map((r) => r.reason ?? null),
      results.map((r) => JSON.stringify(r.detail)),
      results.map((r) => r.nextAttemptAt?.toISOString() ?? null),
      results.map((r) => r.at.toISOString()),
      results.map((r) => r.expectedOwner),
    ]);
    return rows.map(toRow);
  }

  /** Ends new or waiting messages without a call (cancelled, blocked); returns the keys actually ended. */
  async finishUnsent(db: Db, finals: UnsentFinal[]): Promise<Set<string>> {
    if (finals.length === 0) return new Set();
    const entries = finals.map((f) => f.entry);
    const { rows } = await db.query<{ tenant_id: string; message_id: string }>(INSERT_UNSENT, [
      ...entryArrays(entries),
      finals.map((f) => f.state),
      finals.map((f) => f.reason),
      finals.map((f) => JSON.stringify(f.detail)),
      finals.map((f) => f.at.toISOString()),
    ]);
    return new Set(rows.map((row) => `${row.tenant_id}\u0000${row.message_id}`));
  }

  /** Puts messages aside for a later round without a call (rate limit). */
  async park(db: Db, parked: Array<{ entry: LedgerEntry; nextAttemptAt: Date }>): Promise<void> {
    if (parked.length === 0) return;
    await db.query(PARK, [
      ...entryArrays(parked.map((p) => p.entry)),
      parked.map((p) => p.nextAttemptAt.toISOString()),
    ]);
  }

  async markReported(db: Db, keys: Array<{ tenantId: string; messageId: string }>): Promise<void> {
    if (keys.length === 0) return;
    await db.query(MARK_REPORTED, [keys.map((k) => k.tenantId), keys.map((k) => k.messageId)]);
  }

  /** Records the first receipt of each reported send; returns `tenant\0providerMessageId` of those recorded. */
  async recordReceipts(
    db: Db,
    receipts: Array<{ tenantId: string; providerMessageId: string; status: string }>,
  ): Promise<Set<string>> {
    if (receipts.length === 0) return new Set();
    const { rows } = await db.query<{ tenant_id: string; provider_message_id: string }>(RECORD_RECEIPTS, [
      receipts.map((r) => r.tenantId),
      receipts.map((r) => r.providerMessageId),
      receipts.map((r) => r.status),
    ]);
    return new Set(rows.map((row) => `${row.tenant_id}\u0000${row.provider_message_id}`));
  }

  async forgetNumber(db: Db, tenantId: string, phoneFingerprint: string): Promise<void> {
    await db.query(FORGET_NUMBER, [tenantId, phoneFingerprint]);
  }

  async saveUnmatchedReceipts(db: Db, receipts: AcceptedReceipt[]): Promise<void> {
    if (receipts.length === 0) return;
    await db.query(SAVE_UNMATCHED, [
      receipts.map((r) => r.value.tenantId),
      receipts.map((r) => r.value.providerMessageId),
      receipts.map((r) => JSON.stringify(r)),
    ]);
  }

  /**
   * Hands due rounds (and abandoned attempts whose owner is gone) to `republish`, marking them only once it
   * resolved, all in one transaction.
   */
  async republishDue(
    limit: number,
    guardSeconds: number,
    republish: (due: DueRound[]) => Promise<void>,
  ): Promise<number> {
    return inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<{
        tenant_id: string;
        message_id: string;
        payload: string;
        owner_gone: boolean;
      }>(CLAIM_DUE, [limit, guardSeconds]);
      const due = rows
        .filter((row) => row.owner_gone)
        .map((row) => ({
          tenantId: row.tenant_id,
          messageId: row.message_id,
          payload: JSON.parse(row.payload) as ReleasedItem,
        }));
      if (due.length === 0) return 0;
      await republish(due);
      await tx.query(MARK_REPUBLISHED, [due.map((d) => d.tenantId), due.map((d) => d.messageId)]);
      return due.length;
    });
  }

  /** Hands receipts whose send is now reported to `republish`, deleting them only once it resolved. */
  async republishMatchedReceipts(
    limit: number,
    republish: (receipts: AcceptedReceipt[]) => Promise<void>,
  ): Promise<number> {
    return inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<{ receipt: AcceptedReceipt }>(CLAIM_MATCHED_RECEIPTS, [limit]);
      if (rows.length === 0) return 0;
      await republish(rows.map((row) => row.receipt));
      return rows.length;
    });
  }

  async dropOldUnmatched(days: number): Promise<void> {
    await this.pool.query(DROP_OLD_UNMATCHED, [days]);
  }
}

function toClaimed(row: { tenant_id: string; message_id: string; attempts: number }): Claimed {
  return { tenantId: row.tenant_id, messageId: row.message_id, attemptsBefore: row.attempts };
}
