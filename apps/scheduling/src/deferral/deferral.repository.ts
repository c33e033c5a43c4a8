import { Injectable } from '@nestjs/common';

import type { DeferralReason, DueTick, Purpose, WorkMessage } from '@optline/domain';
import type { Db } from '@optline/platform';

import type { RecipientKey } from '../recipients/recipients.repository';

const SELECT_DECIDED = `
  select m.tenant_id, m.message_id
    from scheduled_message m
    join unnest($1::text[], $2::text[]) as k(tenant_id, message_id)
      on m.tenant_id = k.tenant_id and m.message_id = k.message_id`;

const UPSERT_DECISIONS = `
  insert into scheduled_message (tenant_id, message_id, recipient, kind, purpose, campaign_id, status, reason, decided_at)
  select tenant_id, message_id, recipient, kind, purpose, campaign_id, status, reason, decided_at
    from jsonb_to_recordset($1::jsonb) as d(tenant_id text, message_id text, recipient text, kind text, purpose text,
         campaign_id text, status text, reason text, decided_at timestamptz)
  on conflict (tenant_id, message_id) do update
     set status = excluded.status, reason = excluded.reason, decided_at = excluded.decided_at`;

const INSERT_DEFERRALS = `
  insert into deferral (tenant_id, message_id, recipient, purpose, campaign_id, due_at, scheduled_for, reason,
                        deferrals, consent_seq, message, created_at)
  select tenant_id, message_id, recipient, purpose, campaign_id, due_at, scheduled_for, reason,
         deferrals, consent_seq, message, $2
    from jsonb_to_recordset($1::jsonb) as d(tenant_id text, message_id text, recipient text, purpose text,
         campaign_id text, due_at timestamptz, scheduled_for timestamptz, reason text, deferrals integer,
         consent_seq bigint, message jsonb)
  on conflict (tenant_id, message_id) do nothing`;

const COLUMNS = `tenant_id, message_id, recipient, purpose, campaign_id, due_at, scheduled_for, reason, deferrals, consent_seq, message`;

/** Due rows named by ticks, locked; a row already released (gone) or re-deferred (not due) is left out. */
const SELECT_DUE_FOR_RELEASE = `
  select ${COLUMNS}
    from deferral d
   where (d.tenant_id, d.message_id) in (select * from unnest($1::text[], $2::text[]))
     and d.due_at <= $3
   order by d.tenant_id, d.message_id
     for update`;

const SELECT_WAITING_OF_RECIPIENT = `
  select ${COLUMNS}
    from deferral
   where tenant_id = $1 and recipient = $2 and ($3::text is null or purpose = $3)
   order by message_id
     for update`;

const REDEFER = `
  update deferral d
     set due_at = r.due_at, scheduled_for = r.scheduled_for, reason = r.reason, deferrals = r.deferrals, ticked_at = null
    from jsonb_to_recordset($1::jsonb) as r(tenant_id text, message_id text, due_at timestamptz,
         scheduled_for timestamptz, reason text, deferrals integer)
   where d.tenant_id = r.tenant_id and d.message_id = r.message_id`;

const DELETE_DEFERRALS = `
  delete from deferral where (tenant_id, message_id) in (select * from unnest($1::text[], $2::text[]))`;

const DELETE_CAMPAIGN_DEFERRALS = `
  delete from deferral where tenant_id = $1 and campaign_id = $2
  returning ${COLUMNS}`;

/** Claims due rows no other instance holds; a row ticked recently is left to its tick. */
const CLAIM_DUE = `
  select tenant_id, message_id, message->'recipient'->>'e164' as e164
    from deferral
   where due_at <= $1 and (ticked_at is null or ticked_at <= $2)
   order by due_at
   limit $3
     for update skip locked`;

const COUNT_IN_FLIGHT = `select count(*) as n from deferral where ticked_at > $1`;

/** One timer at a time counts and claims, so the in-flight bound holds across instances. */
const TAKE_TIMER_TURN = `select pg_try_advisory_xact_lock(hashtext('optline-scheduling-deferral-timer')) as taken`;

const MARK_TICKED = `
  update deferral set ticked_at = $3
   where (tenant_id, message_id) in (select * from unnest($1::text[], $2::text[]))`;

export interface MessageKey {
  tenantId: string;
  messageId: string;
}

export interface DeferralRow extends RecipientKey, MessageKey {
  purpose: Purpose;
  campaignId?: string;
  dueAt: Date;
  scheduledFor: Date;
  reason?: DeferralReason;
  /** How many times the message has been deferred. */
  deferrals: number;
  consentSeq: number;
  message: WorkMessage;
}

export interface MessageDecisionRow extends RecipientKey, MessageKey {
  kind: WorkMessage['kind'];
  purpose: Purpose;
  campaignId?: string;
  status: 'deferred' | 'released' | 'blocked' | 'expired' | 'cancelled';
  reason?: string;
  decidedAt: Date;
}

interface DeferralDbRow {
  tenant_id: string;
  message_id: string;
  recipient: string;
  purpose: Purpose;
  campaign_id: string | null;
  due_at: Date;
  scheduled_for: Date;
  reason: DeferralReason | null;
  deferrals: number;
  consent_seq: string;
  message: WorkMessage;
}

/** The deferral queue and the decision record of every message. */
@Injectable()
export class DeferralRepository {
  /** Keys (`tenantId messageId`) of the messages already decided. */
  async decided(db: Db, keys: MessageKey[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const { rows } = await db.query<{ tenant_id: string; message_id: string }>(SELECT_DECIDED, [
      keys.map((key) => key.tenantId),
      keys.map((key) => key.messageId),
    ]);
    return new Set(rows.map((row) => messageKey({ tenantId: row.tenant_id, messageId: row.message_id })));
  }

  async recordDecisions(db: Db, decisions: MessageDecisionRow[]): Promise<void> {
    if (decisions.length === 0) return;
    const rows = decisions.map((decision) => ({
      tenant_id: decision.tenantId,
      message_id: decision.messageId,
      recipient: decision.recipient,
      kind: decision.kind,
      purpose: decision.purpose,
      campaign_id: decision.campaignId ?? null,
      status: decision.status,
      reason: decision.reason ?? null,
      decided_at: decision.decidedAt.toISOString(),
    }));
    await db.query(UPSERT_DECISIONS, [JSON.stringify(rows)]);
  }

  async insert(db: Db, deferrals: DeferralRow[], at: Date): Promise<void> {
    if (deferrals.length === 0) return;
    await db.query(INSERT_DEFERRALS, [JSON.stringify(deferrals.map(toDbRow)), at]);
  }

  async dueForRelease(db: Db, keys: MessageKey[], now: Date): Promise<DeferralRow[]> {
    if (keys.length === 0) return [];
    const { rows } = await db.query<DeferralDbRow>(SELECT_DUE_FOR_RELEASE, [
      keys.map((key) => key.tenantId),
      keys.map((key) => key.messageId),
      now,
    ]);
    return rows.map(fromDbRow);
  }

  /** The recipient's waiting messages (of one purpose, or all), locked. */
  async waitingOf(db: Db, key: RecipientKey, purpose?: Purpose): Promise<DeferralRow[]> {
    const { rows } = await db.query<DeferralDbRow>(SELECT_WAITING_OF_RECIPIENT, [
      key.tenantId,
      key.recipient,
      purpose ?? null,
    ]);
    return rows.map(fromDbRow);
  }

  async redefer(db: Db, deferrals: DeferralRow[]): Promise<void> {
    if (deferrals.length === 0) return;
    const rows = deferrals.map((row) => ({
      tenant_id: row.tenantId,
      message_id: row.messageId,
      due_at: row.dueAt.toISOString(),
      scheduled_for: row.scheduledFor.toISOString(),
      reason: row.reason ?? null,
      deferrals: row.deferrals,
    }));
    await db.query(REDEFER, [JSON.stringify(rows)]);
  }

  /** Takes messages off the queue (released, blocked, expired or cancelled): their number and body go with them. */
  async remove(db: Db, keys: MessageKey[]): Promise<void> {
    if (keys.length === 0) return;
    await db.query(DELETE_DEFERRALS, [keys.map((key) => key.tenantId), keys.map((key) => key.messageId)]);
  }

  async removeCampaign(db: Db, tenantId: string, campaignId: string): Promise<DeferralRow[]> {
    const { rows } = await db.query<DeferralDbRow>(DELETE_CAMPAIGN_DEFERRALS, [tenantId, campaignId]);
    return rows.map(fromDbRow);
  }

  async claimDue(db: Db, now: Date, tickedBefore: Date, limit: number): Promise<DueTick[]> {
    const { rows } = await db.query<{ tenant_id: string; message_id: string; e164: string }>(CLAIM_DUE, [
      now,
      tickedBefore,
      limit,
    ]);
    return rows.map((row) => ({ tenantId: row.tenant_id, e164: row.e164, messageId: row.message_id }));
  }

  /** True when this transaction holds the timer's turn (until it ends). */
  async takeTimerTurn(db: Db): Promise<boolean> {
    const { rows } = await db.query<{ taken: boolean }>(TAKE_TIMER_TURN);
    return rows[0]?.taken === true;
  }

  /** Rows ticked since `since` and still waiting: ticks published and not yet acted on. */
  async inFlight(db: Db, since: Date): Promise<number> {
    const { rows } = await db.query<{ n: string }>(COUNT_IN_FLIGHT, [since]);
    return Number(rows[0]?.n ?? 0);
  }

  async markTicked(db: Db, ticks: DueTick[], at: Date): Promise<void> {
    if (ticks.length === 0) return;
    await db.query(MARK_TICKED, [
      ticks.map((tick) => tick.tenantId),
      ticks.map((tick) => tick.messageId),
      at,
    ]);
  }
}

export function messageKey(key: MessageKey): string {
  return `${key.tenantId}\u0000${key.messageId}`;
}

function toDbRow(row: DeferralRow) {
  return {
    tenant_id: row.tenantId,
    message_id: row.messageId,
    recipient: row.recipient,
    purpose: row.purpose,
    campaign_id: row.campaignId ?? null,
    due_at: row.dueAt.toISOString(),
    scheduled_for: row.scheduledFor.toISOString(),
    reason: row.reason ?? null,
    deferrals: row.deferrals,
    consent_seq: row.consentSeq,
    message: row.message,
  };
}

function fromDbRow(row: DeferralDbRow): DeferralRow {
  return {
    tenantId: row.tenant_id,
    messageId: row.message_id,
    recipient: row.recipient,
    purpose: row.purpose,
    ...(row.campaign_id === null ? {} : { campaignId: row.campaign_id }),
    dueAt: row.due_at,
    scheduledFor: row.scheduled_for,
    ...(row.reason === null ? {} : { reason: row.reason }),
    deferrals: row.deferrals,
    consentSeq: Number(row.consent_seq),
    message: row.message,
  };
}
