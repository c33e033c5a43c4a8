import { Injectable } from '@nestjs/common';

import { campaignGuard, type CampaignControl, type WorkMessage } from '@optline/domain';
import { TenantDirectory, auditRecord, type Db, type Emit } from '@optline/platform';

import { DeferralRepository, type DeferralRow } from '../deferral/deferral.repository';
import { messageDecision } from '../message-decisions';
import type { RecipientKey } from '../recipients/recipients.repository';
import { RecipientsRepository } from '../recipients/recipients.repository';
import {
  CampaignRepository,
  campaignKey,
  type CampaignCounts,
  type CampaignKey,
} from './campaign.repository';

const ATTRIBUTION_WINDOW_MS = 7 * 24 * 3_600_000;

/**
 * The campaign guard (CONTRACT §3): a campaign whose opt-outs plus complaints exceed 2 % of at least 200 released
 * messages is paused; its waiting and later messages are blocked CAMPAIGN_PAUSED until it is resumed. A STOP or a
 * complaint counts against the campaign of the last marketing message released to that number in the 7 days
 * before (once per number and campaign).
 */
@Injectable()
export class CampaignService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly deferrals: DeferralRepository,
    private readonly recipients: RecipientsRepository,
    private readonly tenants: TenantDirectory,
  ) {}

  async pausedAmong(db: Db, messages: WorkMessage[]): Promise<Set<string>> {
    return this.campaigns.paused(db, campaignsOf(messages));
  }

  isPaused(paused: Set<string>, message: WorkMessage): boolean {
    return (
      message.campaignId !== undefined &&
      paused.has(campaignKey({ tenantId: message.tenantId, campaignId: message.campaignId }))
    );
  }

  /** Counts released marketing messages per campaign, and pauses a campaign the guard stops. */
  async countReleases(db: Db, released: WorkMessage[], now: Date): Promise<Emit[]> {
    const counts = new Map<string, { key: CampaignKey; sent: number }>();
    for (const message of released) {
      if (message.campaignId === undefined || message.purpose !== 'marketing') continue;
      const key = { tenantId: message.tenantId, campaignId: message.campaignId };
      const entry = counts.get(campaignKey(key)) ?? { key, sent: 0 };
      entry.sent += 1;
      counts.set(campaignKey(key), entry);
    }
    const records: Emit[] = [];
    // Sorted, so concurrent transactions lock campaign rows in the same order.
    for (const [, { key, sent }] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
      records.push(...(await this.guard(db, key, await this.campaigns.add(db, key, { sent }, now), now)));
    }
    return records;
  }

  /** A STOP or complaint from a recipient, counted against the campaign that last texted them. */
  async attribute(
    db: Db,
    feedback: RecipientKey & { e164: string; kind: 'opt_out' | 'complaint'; at: Date },
    now: Date,
  ): Promise<Emit[]> {
    const last = await this.recipients.lastSend(
      db,
      feedback,
      new Date(Math.min(feedback.at.getTime(), now.getTime()) - ATTRIBUTION_WINDOW_MS),
    );
    if (last?.campaignId === undefined) return [];
    const key = { tenantId: feedback.tenantId, campaignId: last.campaignId };
    const fresh = await this.campaigns.recordFeedback(db, key, { ...feedback, messageId: last.messageId });
    if (!fresh) return [];
    const counts = await this.campaigns.add(
      db,
      key,
      feedback.kind === 'opt_out' ? { optOuts: 1 } : { complaints: 1 },
      now,
    );
    return [
      auditRecord('scheduling', {
        subjectId: key.campaignId,
        tenantId: key.tenantId,
        at: now,
        action: feedback.kind === 'opt_out' ? 'campaign.opt_out' : 'campaign.complaint',
        subject: { campaignId: key.campaignId, messageId: last.messageId, phone: feedback.e164 },
        sequence: last.messageId,
        detail: { ...counts, repliedAt: feedback.at.toISOString() },
      }),
      ...(await this.guard(db, key, counts, now)),
    ];
  }

  /** `resume` from internal.campaign-control.v1 (POST /v1/campaigns/{id}/resume). */
  async resume(db: Db, control: CampaignControl, now: Date): Promise<Emit[]> {
    const { tenantId, campaignId, id } = control.value;
    const wasPaused = await this.campaigns.resume(db, { tenantId, campaignId }, now);
    return [
      auditRecord('scheduling', {
        subjectId: campaignId,
        tenantId,
        at: now,
        action: 'campaign.resumed',
        subject: { campaignId },
        sequence: id,
        detail: { requestId: id, wasPaused },
      }),
    ];
  }

  private async guard(db: Db, key: CampaignKey, counts: CampaignCounts, now: Date): Promise<Emit[]> {
    if (counts.paused) return [];
    const policy = this.tenants.policy(key.tenantId);
    if (campaignGuard(counts, policy) === 'continue') return [];
    const pauses = await this.campaigns.pause(db, key, now);
    if (pauses === undefined) return [];
    const waiting = await this.deferrals.removeCampaign(db, key.tenantId, key.campaignId);
    return [
      auditRecord('scheduling', {
        subjectId: key.campaignId,
        tenantId: key.tenantId,
        at: now,
        action: 'campaign.paused',
        subject: { campaignId: key.campaignId },
        sequence: pauses,
        detail: {
          sent: counts.sent,
          optOuts: counts.optOuts,
          complaints: counts.complaints,
          rate: (counts.optOuts + counts.complaints) / counts.sent,
          pauseRate: policy.campaignPauseRate,
          minSent: policy.campaignPauseMinSent,
          blockedWaiting: waiting.length,
        },
      }),
      ...(await this.blockWaiting(db, waiting, now)),
    ];
  }

  private async blockWaiting(db: Db, waiting: DeferralRow[], now: Date): Promise<Emit[]> {
    await this.deferrals.recordDecisions(
      db,
      waiting.map((row) => ({
        ...row,
        kind: row.message.kind,
        status: 'blocked' as const,
        reason: 'CAMPAIGN_PAUSED',
        decidedAt: now,
      })),
    );
    return waiting.flatMap((row) =>
      messageDecision(row.message, 'blocked', now, { reason: 'CAMPAIGN_PAUSED' }),
    );
  }
}

function campaignsOf(messages: WorkMessage[]): CampaignKey[] {
  const keys = new Map<string, CampaignKey>();
  for (const message of messages) {
    if (message.campaignId === undefined) continue;
    const key = { tenantId: message.tenantId, campaignId: message.campaignId };
    keys.set(campaignKey(key), key);
  }
  return [...keys.values()];
}
