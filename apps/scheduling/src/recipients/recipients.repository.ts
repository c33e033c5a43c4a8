import { Injectable } from '@nestjs/common';

import type { Purpose } from '@optline/domain';
import type { Db } from '@optline/platform';

import type { ConsentRecord } from './consent-view';

/** Sorted, so two transactions lock the same recipients in the same order. */
const LOCK_RECIPIENTS = `
  insert into recipient (tenant_id, recipient, touched_at)
  select tenant_id, recipient, $3 from unnest($1::text[], $2::text[]) as r(tenant_id, recipient)
   order by tenant_id, recipient
  on conflict (tenant_id, recipient) do update set touched_at = excluded.touched_at`;

const SELECT_RECENT_SENDS = `
  select s.tenant_id, s.recipient, s.message_id, s.campaign_id, s.body_hash, s.sent_at
    from recipient_send s
    join unnest($1::text[], $2::text[]) as r(tenant_id, recipient)
      on s.tenant_id = r.tenant_id and s.recipient = r.recipient
   where s.sent_at > $3`;

const INSERT_SENDS = `
  insert into recipient_send (tenant_id, recipient, message_id, campaign_id, body_hash, sent_at)
  select tenant_id, recipient, message_id, campaign_id, body_hash, sent_at
    from jsonb_to_recordset($1::jsonb) as s(tenant_id text, recipient text, message_id text, campaign_id text,
         body_hash text, sent_at timestamptz)
  on conflict (tenant_id, recipient, message_id) do nothing`;

const SELECT_LAST_SEND = `
  select message_id, campaign_id, sent_at
    from recipient_send
   where tenant_id = $1 and recipient = $2 and sent_at > $3
   order by sent_at desc
   limit 1`;

const SELECT_REPLY_TIMES = `
  select p.tenant_id, p.recipient, p.replied_at
    from recipient_reply p
    join unnest($1::text[], $2::text[]) as r(tenant_id, recipient)
      on p.tenant_id = r.tenant_id and p.recipient = r.recipient
   where p.classification not in ('STOP', 'COMPLAINT')`;

const INSERT_REPLY = `
  insert into recipient_reply (tenant_id, recipient, replied_at, classification)
  values ($1, $2, $3, $4)
  on conflict do nothing`;

const DELETE_REPLIES = `delete from recipient_reply where tenant_id = $1 and recipient = $2`;

const SELECT_CONSENT_HISTORY = `
  select e.tenant_id, e.recipient, e.seq, e.purpose, e.status, e.ledger_event_id
    from recipient_consent_event e
    join unnest($1::text[], $2::text[]) as r(tenant_id, recipient)
      on e.tenant_id = r.tenant_id and e.recipient = r.recipient
   order by e.seq`;

const INSERT_CONSENT_EVENT = `
  insert into recipient_consent_event (tenant_id, recipient, purpose, status, cause, ledger_event_id, changed_at)
  values ($1, $2, $3, $4, $5, $6, $7)
  on conflict (tenant_id, ledger_event_id) do nothing
  returning seq`;

export interface RecipientKey {
  tenantId: string;
  recipient: string;
}

export interface SendRow extends RecipientKey {
  messageId: string;
  campaignId?: string;
  bodyHash: string;
  sentAt: Date;
}

/** Per-recipient state, keyed by the keyed fingerprint of the number. */
@Injectable()
export class RecipientsRepository {
  /** Locks the recipients' rows until the transaction ends. */
  async lock(db: Db, recipients: RecipientKey[], at: Date): Promise<void> {
    if (recipients.length === 0) return;
    await db.query(LOCK_RECIPIENTS, [
      recipients.map((each) => each.tenantId),
      recipients.map((each) => each.recipient),
      at,
    ]);
  }

  async recentSends(db: Db, recipients: RecipientKey[], since: Date): Promise<SendRow[]> {
    if (recipients.length === 0) return [];
    const { rows } = await db.query<{
      tenant_id: string;
      recipient: string;
      message_id: string;
      campaign_id: string | null;
      body_hash: string;
      sent_at: Date;
    }>(SELECT_RECENT_SENDS, [
      recipients.map((each) => each.tenantId),
      recipients.map((each) => each.recipient),
      since,
    ]);
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      recipient: row.recipient,
      messageId: row.message_id,
      ...(row.campaign_id === null ? {} : { campaignId: row.campaign_id }),
      bodyHash: row.body_hash,
      sentAt: row.sent_at,
    }));
  }

  async recordSends(db: Db, sends: SendRow[]): Promise<void> {
    if (sends.length === 0) return;
    const rows = sends.map((send) => ({
      tenant_id: send.tenantId,
      recipient: send.recipient,
      message_id: send.messageId,
      campaign_id: send.campaignId ?? null,
      body_hash: send.bodyHash,
      sent_at: send.sentAt.toISOString(),
    }));
    await db.query(INSERT_SENDS, [JSON.stringify(rows)]);
  }

  /** The newest marketing message released to the recipient since `since`. */
  async lastSend(
    db: Db,
    key: RecipientKey,
    since: Date,
  ): Promise<{ messageId: string; campaignId?: string } | undefined> {
    const { rows } = await db.query<{ message_id: string; campaign_id: string | null }>(SELECT_LAST_SEND, [
      key.tenantId,
      key.recipient,
      since,
    ]);
    const row = rows[0];
    if (row === undefined) return undefined;
    return {
      messageId: row.message_id,
      ...(row.campaign_id === null ? {} : { campaignId: row.campaign_id }),
    };
  }

  /** When the recipients replied, STOPs and complaints left out (they say nothing about good hours). */
  async replyTimes(db: Db, recipients: RecipientKey[]): Promise<Array<RecipientKey & { at: Date }>> {
    if (recipients.length === 0) return [];
    const { rows } = await db.query<{ tenant_id: string; recipient: string; replied_at: Date }>(
      SELECT_REPLY_TIMES,
      [recipients.map((each) => each.tenantId), recipients.map((each) => each.recipient)],
    );
    return rows.map((row) => ({ tenantId: row.tenant_id, recipient: row.recipient, at: row.replied_at }));
  }

  async recordReply(db: Db, key: RecipientKey, at: Date, classification: string): Promise<void> {
    await db.query(INSERT_REPLY, [key.tenantId, key.recipient, at, classification]);
  }

  async deleteReplies(db: Db, key: RecipientKey): Promise<void> {
    await db.query(DELETE_REPLIES, [key.tenantId, key.recipient]);
  }

  async consentHistory(db: Db, recipients: RecipientKey[]): Promise<Array<RecipientKey & ConsentRecord>> {
    if (recipients.length === 0) return [];
    const { rows } = await db.query<{
      tenant_id: string;
      recipient: string;
      seq: string;
      purpose: Purpose;
      status: 'opted_in' | 'opted_out';
      ledger_event_id: string;
    }>(SELECT_CONSENT_HISTORY, [
      recipients.map((each) => each.tenantId),
      recipients.map((each) => each.recipient),
    ]);
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      recipient: row.recipient,
      seq: Number(row.seq),
      purpose: row.purpose,
      status: row.status,
      ledgerEventId: row.ledger_event_id,
    }));
  }

  /** Records a consent change; undefined when this ledger event was already recorded. */
  async recordConsentEvent(
    db: Db,
    key: RecipientKey,
    change: {
      purpose: Purpose;
      status: 'opted_in' | 'opted_out';
      cause: string;
      ledgerEventId: string;
      at: Date;
    },
  ): Promise<number | undefined> {
    const { rows } = await db.query<{ seq: string }>(INSERT_CONSENT_EVENT, [
      key.tenantId,
      key.recipient,
      change.purpose,
      change.status,
      change.cause,
      change.ledgerEventId,
      change.at,
    ]);
    return rows[0] === undefined ? undefined : Number(rows[0].seq);
  }
}
