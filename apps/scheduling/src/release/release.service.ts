import { Injectable } from '@nestjs/common';

import { bodyHash, type DueTick, type EffectiveRules, type WorkMessage } from '@optline/domain';
import { TenantDirectory, type Db, type Emit } from '@optline/platform';

import { CampaignService } from '../campaign/campaign.service';
import {
  DeferralRepository,
  messageKey,
  type DeferralRow,
  type MessageDecisionRow,
  type MessageKey,
} from '../deferral/deferral.repository';
import { messageDecision, releasedRecords } from '../message-decisions';
import { highestSeq, isRevoked } from '../recipients/consent-view';
import { RecipientKeys, byRecipient, distinctRecipients, recipientId } from '../recipients/recipient-keys';
import { RecipientsRepository, type RecipientKey, type SendRow } from '../recipients/recipients.repository';
import { decide, type Decision } from './release.decision';
import { localHour } from './local-hour';
import { decidingRules, rulesAt, rulesKey } from './rules-in-force';

const WEEK_MS = 7 * 24 * 3_600_000;

/** A message to decide: just arrived from consent, or its deferral came due. */
interface Candidate {
  message: WorkMessage;
  key: RecipientKey;
  deferral?: DeferralRow;
}

/** Everything one batch decided, written together at the end. */
class BatchWrites {
  readonly records: Emit[] = [];
  readonly decisions: MessageDecisionRow[] = [];
  readonly newDeferrals: DeferralRow[] = [];
  readonly redeferrals: DeferralRow[] = [];
  readonly leftQueue: MessageKey[] = [];
  readonly sends: SendRow[] = [];
  readonly released: WorkMessage[] = [];
}

/**
 * Decides each message's fate (release.decision.ts) with the facts scheduling holds about its recipient, inside
 * the consumed batch's transaction, with every recipient of the batch locked (recipient row, `for update`): a
 * cap's last slot cannot go to two messages, even when the cleared and due partitions of one recipient are held
 * by different instances for a moment during a rebalance.
 */
@Injectable()
export class ReleaseService {
  private readonly rulesCache = new Map<string, EffectiveRules>();

  constructor(
    private readonly tenants: TenantDirectory,
    private readonly keys: RecipientKeys,
    private readonly recipients: RecipientsRepository,
    private readonly deferrals: DeferralRepository,
    private readonly campaigns: CampaignService,
  ) {}

  /** Messages from consent (internal.cleared.v1), each decided once per message id. */
  async arrive(db: Db, messages: WorkMessage[], now: Date): Promise<Emit[]> {
    const decided = await this.deferrals.decided(db, messages);
    const candidates: Candidate[] = [];
    for (const message of messages) {
      const id = messageKey(message);
      if (decided.has(id)) continue;
      decided.add(id);
      candidates.push({ message, key: this.keys.of(message.tenantId, message.recipient.e164) });
    }
    await this.recipients.lock(db, distinctRecipients(candidates.map((candidate) => candidate.key)), now);
    return this.decideAll(db, candidates, 'arrival', now);
  }

  /** Due ticks (internal.due.v1): a row already released, or not due yet, is ignored. */
  async releaseDue(db: Db, ticks: DueTick[], now: Date): Promise<Emit[]> {
    await this.recipients.lock(
      db,
      distinctRecipients(ticks.map((tick) => this.keys.of(tick.tenantId, tick.e164))),
      now,
    );
    const due = await this.deferrals.dueForRelease(db, ticks, now);
    return this.decideAll(
      db,
      due.map((row) => ({ message: row.message, key: row, deferral: row })),
      'due',
      now,
    );
  }

  private async decideAll(
    db: Db,
    candidates: Candidate[],
    phase: 'arrival' | 'due',
    now: Date,
  ): Promise<Emit[]> {
    if (candidates.length === 0) return [];
    const everyone = distinctRecipients(candidates.map((candidate) => candidate.key));
    const marketing = candidates.filter(
      (candidate) => candidate.message.purpose === 'marketing' && candidate.message.kind === 'request',
    );
    const optimal =
      phase === 'arrival' ? marketing.filter((candidate) => candidate.message.timing === 'optimal') : [];
    const history = byRecipient(await this.recipients.consentHistory(db, everyone));
    const sends = byRecipient(
      await this.recipients.recentSends(
        db,
        distinctRecipients(marketing.map((candidate) => candidate.key)),
        new Date(now.getTime() - WEEK_MS),
      ),
    );
    const replies = byRecipient(
      await this.recipients.replyTimes(db, distinctRecipients(optimal.map((candidate) => candidate.key))),
    );
    const paused = await this.campaigns.pausedAmong(
      db,
      candidates.map((candidate) => candidate.message),
    );

    const writes = new BatchWrites();
    for (const candidate of candidates) {
      const { message, key } = candidate;
      const id = recipientId(key);
      const consent = history.get(id) ?? [];
      const recent = sends.get(id) ?? [];
      sends.set(id, recent);
      const rules = this.rulesFor(message, now);
      const hash = bodyHash(message.body);
      const decision = decide(message, phase, {
        now,
        rules,
        revoked: isRevoked(consent, message, candidate.deferral?.consentSeq),
        campaignPaused: this.campaigns.isPaused(paused, message),
        recentSends: recent.map((send) => ({ at: send.sentAt, bodyHash: send.bodyHash })),
        bodyHash: hash,
        replyHours: (replies.get(id) ?? []).flatMap((reply) => {
          const hour = localHour(reply.at, message.recipient.zones[0]);
          return hour === undefined ? [] : [hour];
        }),
      });
      this.apply(writes, candidate, decision, {
        now,
        rules,
        bodyHash: hash,
        consentSeq: highestSeq(consent),
        recent,
      });
    }

    await this.deferrals.insert(db, writes.newDeferrals, now);
    await this.deferrals.redefer(db, writes.redeferrals);
    await this.deferrals.remove(db, writes.leftQueue);
    await this.deferrals.recordDecisions(db, writes.decisions);
    await this.recipients.recordSends(db, writes.sends);
    writes.records.push(...(await this.campaigns.countReleases(db, writes.released, now)));
    return writes.records;
  }

  private apply(
    writes: BatchWrites,
    { message, key, deferral }: Candidate,
    decision: Decision,
    facts: { now: Date; rules: EffectiveRules; bodyHash: string; consentSeq: number; recent: SendRow[] },
  ): void {
    const { now } = facts;
    const detail =
      message.purpose === 'marketing'
        ? {
            jurisdictions: facts.rules.jurisdictions,
            rules: decidingRules(facts.rules, message.recipient.region),
          }
        : {};
    const decided = (status: MessageDecisionRow['status'], reason?: string) =>
      writes.decisions.push({
        ...key,
        messageId: message.messageId,
        kind: message.kind,
        purpose: message.purpose,
        ...(message.campaignId === undefined ? {} : { campaignId: message.campaignId }),
        status,
        ...(reason === undefined ? {} : { reason }),
        decidedAt: now,
      });
    if (decision.kind !== 'defer' && deferral !== undefined) writes.leftQueue.push(deferral);

    switch (decision.kind) {
      case 'release': {
        writes.records.push(...releasedRecords(message, now, detail));
        decided('released');
        writes.released.push(message);
        if (message.purpose === 'marketing' && message.kind === 'request') {
          const send: SendRow = {
            ...key,
            messageId: message.messageId,
            ...(message.campaignId === undefined ? {} : { campaignId: message.campaignId }),
            bodyHash: facts.bodyHash,
            sentAt: now,
          };
          writes.sends.push(send);
          facts.recent.push(send);
        }
        return;
      }
      case 'defer': {
        const deferrals = (deferral?.deferrals ?? 0) + 1;
        const row: DeferralRow = {
          ...key,
          messageId: message.messageId,
          purpose: message.purpose,
          ...(message.campaignId === undefined ? {} : { campaignId: message.campaignId }),
          dueAt: decision.dueAt,
          scheduledFor: decision.scheduledFor,
          ...(decision.reason === undefined ? {} : { reason: decision.reason }),
          deferrals,
          consentSeq: deferral?.consentSeq ?? facts.consentSeq,
          message,
        };
        (deferral === undefined ? writes.newDeferrals : writes.redeferrals).push(row);
        decided('deferred', decision.reason);
        writes.records.push(
          ...messageDecision(message, 'deferred', now, {
            ...(decision.reason === undefined ? {} : { reason: decision.reason }),
            scheduledFor: decision.scheduledFor,
            sequence: deferrals,
            detail,
          }),
        );
        return;
      }
      case 'block':
        decided('blocked', decision.reason);
        writes.records.push(...messageDecision(message, 'blocked', now, { reason: decision.reason, detail }));
        return;
      case 'expire':
        decided('expired', 'EXPIRED');
        writes.records.push(...messageDecision(message, 'expired', now, { reason: 'EXPIRED' }));
        return;
      case 'cancel':
        decided('cancelled', 'OPTED_OUT');
        writes.records.push(...messageDecision(message, 'cancelled', now, { reason: 'OPTED_OUT' }));
        return;
    }
  }

  /**
   * The recipient's jurisdictions in force at `at` combined with the tenant's policy and blackouts; cached by
   * the versions in force (rulesKey), so a set is never applied past a version's end.
   */
  private rulesFor(message: WorkMessage, at: Date): EffectiveRules {
    const cacheKey = rulesKey(message.tenantId, message.recipient, at);
    let rules = this.rulesCache.get(cacheKey);
    if (rules === undefined) {
      const { tenantId } = message;
      rules = rulesAt(
        message.recipient,
        this.tenants.policy(tenantId),
        this.tenants.compliance(tenantId).blackouts,
        at,
      );
      this.rulesCache.set(cacheKey, rules);
    }
    return rules;
  }
}
