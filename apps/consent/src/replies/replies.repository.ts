import { Injectable } from '@nestjs/common';

import type { Purpose } from '@optline/domain';
import type { Db } from '@optline/platform';

const INSERT_REPLY = `
  insert into inbound_reply (tenant_id, inbound_id, number_fingerprint, e164, text, classification, keyword, language,
                             occurred_at, received_at)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  on conflict (tenant_id, inbound_id) do nothing
  returning inbound_id`;

const INSERT_COMPLAINT = `
  insert into complaint (tenant_id, inbound_id, number_fingerprint, e164, text, occurred_at)
  values ($1, $2, $3, $4, $5, $6)
  on conflict (tenant_id, inbound_id) do nothing`;

const INSERT_REVOCATION = `
  insert into stop_revocation (tenant_id, inbound_id, number_fingerprint, revoked, stopped_at)
  values ($1, $2, $3, $4, $5)
  on conflict (tenant_id, inbound_id) do nothing`;

const SELECT_OPEN_REVOCATION = `
  select inbound_id, revoked, stopped_at
    from stop_revocation
   where tenant_id = $1 and number_fingerprint = $2 and restored_by is null
   order by stopped_at desc
   limit 1`;

const SELECT_LAST_ALLOWED = `
  select purpose from checked_message
   where tenant_id = $1 and number_fingerprint = $2 and allowed and checked_at <= $3
   order by checked_at desc, message_id desc
   limit 1`;

const MARK_RESTORED = `
  update stop_revocation set restored_by = $3, restored_at = $4
   where tenant_id = $1 and inbound_id = $2 and restored_by is null`;

export interface ReplyRow {
  tenantId: string;
  inboundId: string;
  fingerprint: string;
  e164: string;
  text: string;
  classification: string;
  keyword?: string;
  language?: string;
  occurredAt: Date;
  receivedAt: Date;
}

/** One purpose a STOP took away, and what allowed it before. */
export interface RevokedPurpose {
  purpose: Purpose;
  stopLedgerEventId: string;
  previousLedgerEventId?: string;
  previousExpiresAt?: string;
}

export interface Revocation {
  inboundId: string;
  revoked: RevokedPurpose[];
  stoppedAt: Date;
}

@Injectable()
export class RepliesRepository {
  /** Records the reply; false when this inbound id was already handled. */
  async recordReply(db: Db, reply: ReplyRow): Promise<boolean> {
    const { rowCount } = await db.query(INSERT_REPLY, [
      reply.tenantId,
      reply.inboundId,
      reply.fingerprint,
      reply.e164,
      reply.text,
      reply.classification,
      reply.keyword ?? null,
      reply.language ?? null,
      reply.occurredAt,
      reply.receivedAt,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async recordComplaint(db: Db, reply: ReplyRow): Promise<void> {
    await db.query(INSERT_COMPLAINT, [
      reply.tenantId,
      reply.inboundId,
      reply.fingerprint,
      reply.e164,
      reply.text,
      reply.occurredAt,
    ]);
  }

  async recordRevocation(
    db: Db,
    tenantId: string,
    fingerprint: string,
    revocation: Revocation,
  ): Promise<void> {
    await db.query(INSERT_REVOCATION, [
      tenantId,
      revocation.inboundId,
      fingerprint,
      JSON.stringify(revocation.revoked),
      revocation.stoppedAt,
    ]);
  }

  async openRevocation(db: Db, tenantId: string, fingerprint: string): Promise<Revocation | undefined> {
    const { rows } = await db.query<{ inbound_id: string; revoked: RevokedPurpose[]; stopped_at: Date }>(
      SELECT_OPEN_REVOCATION,
      [tenantId, fingerprint],
    );
    const row = rows[0];
    return row === undefined
      ? undefined
      : { inboundId: row.inbound_id, revoked: row.revoked, stoppedAt: row.stopped_at };
  }

  async markRestored(
    db: Db,
    tenantId: string,
    stopInboundId: string,
    startInboundId: string,
    at: Date,
  ): Promise<void> {
    await db.query(MARK_RESTORED, [tenantId, stopInboundId, startInboundId, at]);
  }

  /** The purpose of the last message let through to the number by `at`; undefined when none is known. */
  async lastAllowedPurpose(
    db: Db,
    tenantId: string,
    fingerprint: string,
    at: Date,
  ): Promise<Purpose | undefined> {
    const { rows } = await db.query<{ purpose: Purpose | null }>(SELECT_LAST_ALLOWED, [
      tenantId,
      fingerprint,
      at,
    ]);
    return rows[0]?.purpose ?? undefined;
  }
}
