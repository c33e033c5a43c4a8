import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';

import type { IndexColumns, StoredRow } from '../trail/chain';
import { cursorRows, inSnapshot, streamInSnapshot } from './snapshot';

export interface TrailRow {
  kind: 'event' | 'outcome';
  seq: number;
  body: Record<string, unknown>;
  recordedAt: Date;
  hash: string;
}

export interface EventFilters {
  from?: string;
  to?: string;
  action?: string;
  reason?: string;
  campaignId?: string;
}

export interface CampaignCounts {
  requested: number;
  sent: number;
  delivered: number;
  failed: number;
  deferred: number;
  expired: number;
  cancelled: number;
  blocked: Record<string, number>;
  optOuts: number;
  complaints: number;
  rows: number;
}

const ROW = `kind, seq, body, recorded_at, hash`;
const TIMELINE = `select ${ROW} from audit_record where tenant_id = $1 and message_id = $2 order by at, seq`;
const BY_PHONE = `
  select ${ROW} from audit_record where tenant_id = $1 and phone_fingerprint = $2 order by at, seq limit $3`;
const BY_MESSAGES = `
  select ${ROW} from audit_record where tenant_id = $1 and message_id = any($2::text[]) order by at, seq`;
const CONSENT_EVENTS = `
  select ${ROW} from audit_record
   where tenant_id = $1 and phone_fingerprint = $2 and kind = 'event' and action in ('consent.opt_in', 'consent.opt_out')
   order by seq`;
const EVENT_FILTER = `
  tenant_id = $1 and kind = 'event'
  and ($2::timestamptz is null or at >= $2) and ($3::timestamptz is null or at < $3)
  and ($4::text is null or action = $4) and ($5::text is null or reason = $5) and ($6::text is null or campaign_id = $6)`;
const EVENTS_PAGE = `select ${ROW} from audit_record where ${EVENT_FILTER} and seq > $7 order by seq limit $8`;
/** The export's columns, produced as text by PostgreSQL: the stream carries strings, not parsed JSON. */
export const CSV_COLUMNS = [
  'seq',
  'id',
  'at',
  'service',
  'action',
  'reason',
  'messageId',
  'campaignId',
  'phone',
  'detail',
  'recordedAt',
  'hash',
];
const EVENTS_CSV = `
  select seq::text, body->>'id', body->>'at', body->>'service', body->>'action', coalesce(body->>'reason', ''),
         coalesce(body->'subject'->>'messageId', ''), coalesce(body->'subject'->>'campaignId', ''),
         coalesce(body->'subject'->>'phoneMasked', ''), coalesce(body->'detail', '{}'::jsonb)::text,
         to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), hash
    from audit_record where ${EVENT_FILTER} order by audit_record.seq`;
const CAMPAIGN = `
  with campaign as (
    select kind, action, reason, message_id from audit_record where tenant_id = $1 and campaign_id = $2
  ), outcome as (
    select action, reason, message_id from campaign where kind = 'outcome'
  )
  select
    (select count(distinct message_id) from campaign where kind = 'event' and action = 'message.received') as requested,
    (select count(distinct message_id) from outcome where action = 'outcome.sent') as sent,
    (select count(distinct message_id) from outcome where action = 'outcome.delivered') as delivered,
    (select count(distinct message_id) from outcome where action = 'outcome.failed') as failed,
    (select count(distinct message_id) from outcome where action = 'outcome.deferred') as deferred,
    (select count(distinct message_id) from outcome where action = 'outcome.expired') as expired,
    (select count(distinct message_id) from outcome where action = 'outcome.cancelled') as cancelled,
    (select coalesce(jsonb_object_agg(reason, n), '{}'::jsonb) from (
       select coalesce(reason, 'UNSPECIFIED') as reason, count(distinct message_id) as n
         from outcome where action = 'outcome.blocked' group by 1) b) as blocked,
    (select count(*) from campaign where kind = 'event' and action = 'campaign.opt_out') as opt_outs,
    (select count(*) from campaign where kind = 'event' and action = 'campaign.complaint') as complaints,
    (select count(*) from campaign) as rows`;
const CHAIN_RANGE = `
  select tenant_id, seq, record_id, kind, at, action, reason, message_id, campaign_id, phone_fingerprint,
         body, recorded_at, prev_hash, hash
    from audit_record
   where tenant_id = $1 and ($2::timestamptz is null or recorded_at >= $2) and ($3::timestamptz is null or recorded_at < $3)
   order by seq`;
const PREDECESSOR = `select hash from audit_record where tenant_id = $1 and seq = $2`;
const HEAD = `select seq, hash from chain_head where tenant_id = $1`;

interface DbRow {
  kind: 'event' | 'outcome';
  seq: string;
  body: Record<string, unknown>;
  recorded_at: Date;
  hash: string;
}

const toRow = (row: DbRow): TrailRow => ({
  kind: row.kind,
  seq: Number(row.seq),
  body: row.body,
  recordedAt: row.recorded_at,
  hash: row.hash,
});

const filterParams = (tenantId: string, f: EventFilters) => [
  tenantId,
  f.from ?? null,
  f.to ?? null,
  f.action ?? null,
  f.reason ?? null,
  f.campaignId ?? null,
];

/** The reading side of the trail. Every query is bound to the caller's tenant. */
@Injectable()
export class AuditorRepository {
  constructor(private readonly pool: Pool) {}

  async timeline(tenantId: string, messageId: string): Promise<TrailRow[]> {
    return (await this.pool.query<DbRow>(TIMELINE, [tenantId, messageId])).rows.map(toRow);
  }

  async byPhone(tenantId: string, fingerprint: string, limit: number): Promise<TrailRow[]> {
    return (await this.pool.query<DbRow>(BY_PHONE, [tenantId, fingerprint, limit])).rows.map(toRow);
  }

  async byMessages(tenantId: string, messageIds: string[]): Promise<TrailRow[]> {
    if (messageIds.length === 0) return [];
    return (await this.pool.query<DbRow>(BY_MESSAGES, [tenantId, messageIds])).rows.map(toRow);
  }

  async consentEvents(tenantId: string, fingerprint: string): Promise<TrailRow[]> {
    return (await this.pool.query<DbRow>(CONSENT_EVENTS, [tenantId, fingerprint])).rows.map(toRow);
  }

  async eventsPage(
    tenantId: string,
    filters: EventFilters,
    afterSeq: number,
    limit: number,
  ): Promise<TrailRow[]> {
    const params = [...filterParams(tenantId, filters), afterSeq, limit];
    return (await this.pool.query<DbRow>(EVENTS_PAGE, params)).rows.map(toRow);
  }

  /** Every matching event as a CSV record (`CSV_COLUMNS`), oldest first, through a cursor: for exports of any size. */
  csvRecords(tenantId: string, filters: EventFilters): AsyncGenerator<string[]> {
    return streamInSnapshot<string[]>(this.pool, EVENTS_CSV, filterParams(tenantId, filters), {
      rowMode: 'array',
    });
  }

  async campaign(tenantId: string, campaignId: string): Promise<CampaignCounts> {
    const { rows } = await this.pool.query(CAMPAIGN, [tenantId, campaignId]);
    const row = rows[0];
    return {
      requested: Number(row.requested),
      sent: Number(row.sent),
      delivered: Number(row.delivered),
      failed: Number(row.failed),
      deferred: Number(row.deferred),
      expired: Number(row.expired),
      cancelled: Number(row.cancelled),
      blocked: Object.fromEntries(
        Object.entries(row.blocked as Record<string, string>).map(([reason, n]) => [reason, Number(n)]),
      ),
      optOuts: Number(row.opt_outs),
      complaints: Number(row.complaints),
      rows: Number(row.rows),
    };
  }

  /**
   * Walks the tenant's chain between two recorded times in one snapshot: `visit` gets the hash before the first
   * row, then each row in seq order (stop by returning false), then the head when the range runs to the end.
   * An empty range visits nothing.
   */
  async walkChain(
    tenantId: string,
    range: { from?: string; to?: string },
    visit: {
      start: (first: { seq: number; prevHash: string | undefined }) => void;
      row: (row: StoredRow) => boolean;
      end: (head: { seq: number; hash: string } | undefined) => void;
    },
  ): Promise<void> {
    await inSnapshot(this.pool, async (tx) => {
      let started = false;
      for await (const raw of cursorRows<ChainDbRow>(
        tx,
        CHAIN_RANGE,
        [tenantId, range.from ?? null, range.to ?? null],
        { batch: 1000 },
      )) {
        const row = toStored(raw);
        if (!started) {
          started = true;
          const before =
            row.seq > 1
              ? (await tx.query<{ hash: string }>(PREDECESSOR, [tenantId, row.seq - 1])).rows[0]?.hash
              : undefined;
          visit.start({ seq: row.seq, prevHash: row.seq === 1 ? undefined : before });
        }
        if (!visit.row(row)) return;
      }
      // An empty range checks nothing; a range running to the end must end at the chain head.
      if (started && range.to === undefined) {
        const head = (await tx.query<{ seq: string; hash: string }>(HEAD, [tenantId])).rows[0];
        visit.end(head ? { seq: Number(head.seq), hash: head.hash } : undefined);
      }
    });
  }
}

interface ChainDbRow {
  tenant_id: string;
  seq: string;
  record_id: string;
  kind: 'event' | 'outcome';
  at: Date;
  action: string;
  reason: string | null;
  message_id: string | null;
  campaign_id: string | null;
  phone_fingerprint: string | null;
  body: Record<string, unknown>;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
}

function toStored(row: ChainDbRow): StoredRow {
  const columns: IndexColumns = {
    at: row.at,
    action: row.action,
    reason: row.reason,
    messageId: row.message_id,
    campaignId: row.campaign_id,
    phoneFingerprint: row.phone_fingerprint,
  };
  return {
    tenantId: row.tenant_id,
    seq: Number(row.seq),
    id: row.record_id,
    kind: row.kind,
    recordedAt: row.recorded_at,
    body: row.body,
    prevHash: row.prev_hash,
    hash: row.hash,
    columns,
  };
}
