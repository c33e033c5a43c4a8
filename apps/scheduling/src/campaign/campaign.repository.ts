import { Injectable } from '@nestjs/common';

import type { Db } from '@optline/platform';

const SELECT_PAUSED = `
  select c.tenant_id, c.campaign_id
    from campaign c
    join unnest($1::text[], $2::text[]) as k(tenant_id, campaign_id)
      on c.tenant_id = k.tenant_id and c.campaign_id = k.campaign_id
   where c.paused`;

const ADD_COUNTS = `
  insert into campaign (tenant_id, campaign_id, sent, opt_outs, complaints, updated_at)
  values ($1, $2, $3, $4, $5, $6)
  on conflict (tenant_id, campaign_id) do update
     set sent = campaign.sent + excluded.sent,
         opt_outs = campaign.opt_outs + excluded.opt_outs,
         complaints = campaign.complaints + excluded.complaints,
         updated_at = excluded.updated_at
  returning sent, opt_outs, complaints, sent_at_resume, opt_outs_at_resume, complaints_at_resume, paused`;

const INSERT_FEEDBACK = `
  insert into campaign_feedback (tenant_id, campaign_id, recipient, kind, message_id, at)
  values ($1, $2, $3, $4, $5, $6)
  on conflict do nothing`;

const PAUSE = `
  update campaign set paused = true, pauses = pauses + 1, updated_at = $3
   where tenant_id = $1 and campaign_id = $2 and not paused
  returning pauses`;

/** The guard counts afresh from a resume. */
const RESUME = `
  update campaign
     set paused = false, sent_at_resume = sent, opt_outs_at_resume = opt_outs, complaints_at_resume = complaints,
         updated_at = $3
   where tenant_id = $1 and campaign_id = $2 and paused
  returning campaign_id`;

export interface CampaignKey {
  tenantId: string;
  campaignId: string;
}

/** A campaign's counts since it was last resumed (or since it began). */
export interface CampaignCounts {
  sent: number;
  optOuts: number;
  complaints: number;
  paused: boolean;
}

@Injectable()
export class CampaignRepository {
  /** Keys (`tenantId campaignId`) of the paused campaigns among these. */
  async paused(db: Db, campaigns: CampaignKey[]): Promise<Set<string>> {
    if (campaigns.length === 0) return new Set();
    const { rows } = await db.query<{ tenant_id: string; campaign_id: string }>(SELECT_PAUSED, [
      campaigns.map((each) => each.tenantId),
      campaigns.map((each) => each.campaignId),
    ]);
    return new Set(rows.map((row) => campaignKey({ tenantId: row.tenant_id, campaignId: row.campaign_id })));
  }

  /** Adds to a campaign's counts (creating it) and returns them; locks the row until the transaction ends. */
  async add(
    db: Db,
    key: CampaignKey,
    counts: { sent?: number; optOuts?: number; complaints?: number },
    at: Date,
  ): Promise<CampaignCounts> {
    const { rows } = await db.query<{
      sent: number;
      opt_outs: number;
      complaints: number;
      sent_at_resume: number;
      opt_outs_at_resume: number;
      complaints_at_resume: number;
      paused: boolean;
    }>(ADD_COUNTS, [
      key.tenantId,
      key.campaignId,
      counts.sent ?? 0,
      counts.optOuts ?? 0,
      counts.complaints ?? 0,
      at,
    ]);
    const row = rows[0];
    if (row === undefined) throw new Error(`campaign ${key.campaignId} was not written`);
    return {
      sent: row.sent - row.sent_at_resume,
      optOuts: row.opt_outs - row.opt_outs_at_resume,
      complaints: row.complaints - row.complaints_at_resume,
      paused: row.paused,
    };
  }

  /** False when the recipient's opt-out (or complaint) was already counted for this campaign. */
  async recordFeedback(
    db: Db,
    key: CampaignKey,
    feedback: { recipient: string; kind: 'opt_out' | 'complaint'; messageId: string; at: Date },
  ): Promise<boolean> {
    const { rowCount } = await db.query(INSERT_FEEDBACK, [
      key.tenantId,
      key.campaignId,
      feedback.recipient,
      feedback.kind,
      feedback.messageId,
      feedback.at,
    ]);
    return (rowCount ?? 0) > 0;
  }

  /** Returns how many times the campaign has now been paused; undefined when it already was. */
  async pause(db: Db, key: CampaignKey, at: Date): Promise<number | undefined> {
    const { rows } = await db.query<{ pauses: number }>(PAUSE, [key.tenantId, key.campaignId, at]);
    return rows[0]?.pauses;
  }

  /** False when the campaign was not paused. */
  async resume(db: Db, key: CampaignKey, at: Date): Promise<boolean> {
    const { rowCount } = await db.query(RESUME, [key.tenantId, key.campaignId, at]);
    return (rowCount ?? 0) > 0;
  }
}

export function campaignKey(key: CampaignKey): string {
  return `${key.tenantId}\u0000${key.campaignId}`;
}
