import { Injectable } from '@nestjs/common';

import type { Db } from '@optline/platform';

import type { HygieneState } from './hygiene-state';

const COLUMNS = `h.tenant_id, h.fingerprint, h.undeliverable_at, h.opted_in_at, h.erased_at, h.last_reply_at,
  h.marketing_sends_since_reply, h.first_send_since_reply_at, h.inactive_reported_at`;
const LOAD = `
  select ${COLUMNS}
    from number_hygiene h
    join unnest($1::text[], $2::text[]) as t(tenant_id, fingerprint)
      on h.tenant_id = t.tenant_id and h.fingerprint = t.fingerprint`;
const LOAD_FOR_UPDATE = `${LOAD} for update of h`;
const SAVE = `
  insert into number_hygiene (tenant_id, fingerprint, undeliverable_at, opted_in_at, erased_at, last_reply_at,
                              marketing_sends_since_reply, first_send_since_reply_at, inactive_reported_at)
  select * from unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[],
                       $6::timestamptz[], $7::integer[], $8::timestamptz[], $9::timestamptz[])
  on conflict (tenant_id, fingerprint) do update
     set undeliverable_at = excluded.undeliverable_at, opted_in_at = excluded.opted_in_at,
         erased_at = excluded.erased_at, last_reply_at = excluded.last_reply_at,
         marketing_sends_since_reply = excluded.marketing_sends_since_reply,
         first_send_since_reply_at = excluded.first_send_since_reply_at,
         inactive_reported_at = excluded.inactive_reported_at`;
const REPORT_INACTIVE = `
  update number_hygiene h set inactive_reported_at = $3
    from unnest($1::text[], $2::text[]) as t(tenant_id, fingerprint)
   where h.tenant_id = t.tenant_id and h.fingerprint = t.fingerprint`;

export interface NumberKey {
  tenantId: string;
  fingerprint: string;
}

interface Row {
  tenant_id: string;
  fingerprint: string;
  undeliverable_at: Date | null;
  opted_in_at: Date | null;
  erased_at: Date | null;
  last_reply_at: Date | null;
  marketing_sends_since_reply: number;
  first_send_since_reply_at: Date | null;
  inactive_reported_at: Date | null;
}

export const numberKey = (key: NumberKey) => `${key.tenantId}\u0000${key.fingerprint}`;

/** number_hygiene: hygiene state per (tenant, fingerprint of the number). */
@Injectable()
export class HygieneRepository {
  /** The stored state of each number that has one, by `numberKey`; `lock` when the caller will save it. */
  async load(db: Db, keys: NumberKey[], lock = false): Promise<Map<string, HygieneState>> {
    if (keys.length === 0) return new Map();
    const { rows } = await db.query<Row>(lock ? LOAD_FOR_UPDATE : LOAD, [
      keys.map((k) => k.tenantId),
      keys.map((k) => k.fingerprint),
    ]);
    return new Map(
      rows.map((row) => [numberKey({ tenantId: row.tenant_id, fingerprint: row.fingerprint }), toState(row)]),
    );
  }

  async save(db: Db, states: Array<NumberKey & { state: HygieneState }>): Promise<void> {
    if (states.length === 0) return;
    const column = (pick: (s: HygieneState) => Date | undefined) =>
      states.map((entry) => pick(entry.state) ?? null);
    await db.query(SAVE, [
      states.map((entry) => entry.tenantId),
      states.map((entry) => entry.fingerprint),
      column((s) => s.undeliverableAt),
      column((s) => s.optedInAt),
      column((s) => s.erasedAt),
      column((s) => s.lastReplyAt),
      states.map((entry) => entry.state.marketingSendsSinceReply),
      column((s) => s.firstSendSinceReplyAt),
      column((s) => s.inactiveReportedAt),
    ]);
  }

  async reportInactive(db: Db, keys: NumberKey[], at: Date): Promise<void> {
    if (keys.length === 0) return;
    await db.query(REPORT_INACTIVE, [keys.map((k) => k.tenantId), keys.map((k) => k.fingerprint), at]);
  }
}

function toState(row: Row): HygieneState {
  const state: HygieneState = { marketingSendsSinceReply: row.marketing_sends_since_reply };
  if (row.undeliverable_at) state.undeliverableAt = row.undeliverable_at;
  if (row.opted_in_at) state.optedInAt = row.opted_in_at;
  if (row.erased_at) state.erasedAt = row.erased_at;
  if (row.last_reply_at) state.lastReplyAt = row.last_reply_at;
  if (row.first_send_since_reply_at) state.firstSendSinceReplyAt = row.first_send_since_reply_at;
  if (row.inactive_reported_at) state.inactiveReportedAt = row.inactive_reported_at;
  return state;
}
