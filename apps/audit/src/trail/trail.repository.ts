import { Injectable } from '@nestjs/common';

import type { Db } from '@optline/platform';

import { GENESIS_HASH, type IndexColumns } from './chain';

const ENSURE_HEADS = `
  insert into chain_head (tenant_id, seq, hash) select t, 0, $2 from unnest($1::text[]) as t on conflict do nothing`;
// Sorted, so two batches never wait for each other's heads in opposite orders.
const LOCK_HEADS = `
  select tenant_id, seq, hash from chain_head where tenant_id = any($1::text[]) order by tenant_id for update`;
const CLOCK = `select clock_timestamp() as now`;
const EXISTING = `
  select tenant_id, record_id from audit_record
   where (tenant_id, record_id) in (select * from unnest($1::text[], $2::text[]))`;
const APPEND = `
  insert into audit_record
    (tenant_id, seq, record_id, kind, at, action, reason, message_id, campaign_id, phone_fingerprint, body, recorded_at,
     prev_hash, hash)
  select * from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[],
                       $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::timestamptz[], $13::text[], $14::text[])`;
const MOVE_HEADS = `
  update chain_head h set seq = x.seq, hash = x.hash
    from unnest($1::text[], $2::bigint[], $3::text[]) as x(tenant_id, seq, hash)
   where h.tenant_id = x.tenant_id`;

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface NewRow extends IndexColumns {
  tenantId: string;
  seq: number;
  recordId: string;
  kind: 'event' | 'outcome';
  body: Record<string, unknown>;
  recordedAt: Date;
  prevHash: string;
  hash: string;
}

/** The appending side of the trail: the only SQL that writes it. */
@Injectable()
export class TrailRepository {
  /** Locks the chain heads of these tenants for the rest of the transaction (creating missing ones) and reads them. */
  async lockHeads(db: Db, tenantIds: string[]): Promise<{ heads: Map<string, ChainHead>; now: Date }> {
    await db.query(ENSURE_HEADS, [tenantIds, GENESIS_HASH]);
    const { rows } = await db.query<{ tenant_id: string; seq: string; hash: string }>(LOCK_HEADS, [
      tenantIds,
    ]);
    // Read after the lock: a tenant's rows get non-decreasing times in seq order, even across instances.
    const clock = await db.query<{ now: Date }>(CLOCK);
    return {
      heads: new Map(rows.map((row) => [row.tenant_id, { seq: Number(row.seq), hash: row.hash }])),
      now: clock.rows[0]!.now,
    };
  }

  async existing(db: Db, keys: Array<{ tenantId: string; recordId: string }>): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const { rows } = await db.query<{ tenant_id: string; record_id: string }>(EXISTING, [
      keys.map((k) => k.tenantId),
      keys.map((k) => k.recordId),
    ]);
    return new Set(rows.map((row) => `${row.tenant_id}\u0000${row.record_id}`));
  }

  async append(db: Db, rows: NewRow[], heads: Map<string, ChainHead>): Promise<void> {
    if (rows.length === 0) return;
    await db.query(APPEND, [
      rows.map((r) => r.tenantId),
      rows.map((r) => r.seq),
      rows.map((r) => r.recordId),
      rows.map((r) => r.kind),
      rows.map((r) => r.at.toISOString()),
      rows.map((r) => r.action),
      rows.map((r) => r.reason),
      rows.map((r) => r.messageId),
      rows.map((r) => r.campaignId),
      rows.map((r) => r.phoneFingerprint),
      rows.map((r) => JSON.stringify(r.body)),
      rows.map((r) => r.recordedAt.toISOString()),
      rows.map((r) => r.prevHash),
      rows.map((r) => r.hash),
    ]);
    const moved = [...heads.entries()];
    await db.query(MOVE_HEADS, [
      moved.map(([t]) => t),
      moved.map(([, h]) => h.seq),
      moved.map(([, h]) => h.hash),
    ]);
  }
}
