import { Injectable } from '@nestjs/common';

import type { RecipientEvent } from '@optline/domain';
import type { Db, Emit } from '@optline/platform';

import { CampaignService } from '../campaign/campaign.service';
import { DeferralRepository, type DeferralRow } from '../deferral/deferral.repository';
import { isRevoked, type ConsentRecord } from '../recipients/consent-view';
import { RecipientKeys, byRecipient, distinctRecipients, recipientId } from '../recipients/recipient-keys';
import { RecipientsRepository, type RecipientKey } from '../recipients/recipients.repository';
import { messageDecision } from '../message-decisions';

/**
 * What consent tells about recipients (internal.recipient-events.v1): consent changes (an opt-out cancels the
 * recipient's waiting messages of that purpose, DESIGN promise 3), replies (their hours feed the send-time
 * choice; a STOP or complaint counts against the campaign that last texted the number) and erasures.
 */
@Injectable()
export class RecipientEventsService {
  constructor(
    private readonly keys: RecipientKeys,
    private readonly recipients: RecipientsRepository,
    private readonly deferrals: DeferralRepository,
    private readonly campaigns: CampaignService,
  ) {}

  async handle(db: Db, events: RecipientEvent[], now: Date): Promise<Emit[]> {
    const keyed = events.map((event) => ({ event, key: this.keys.of(event.tenantId, event.e164) }));
    const everyone = distinctRecipients(keyed.map(({ key }) => key));
    await this.recipients.lock(db, everyone, now);
    const history = byRecipient(await this.recipients.consentHistory(db, everyone));

    const records: Emit[] = [];
    for (const { event, key } of keyed) {
      const consent = history.get(recipientId(key)) ?? [];
      history.set(recipientId(key), consent);
      switch (event.kind) {
        case 'consent_changed':
          records.push(...(await this.consentChanged(db, key, event, consent, now)));
          break;
        case 'replied':
          await this.recipients.recordReply(db, key, new Date(event.at), event.classification);
          if (event.classification === 'COMPLAINT') {
            records.push(
              ...(await this.campaigns.attribute(
                db,
                { ...key, e164: event.e164, kind: 'complaint', at: new Date(event.at) },
                now,
              )),
            );
          }
          break;
        case 'erased':
          // Consent also published an opt-out of every purpose; whatever still waits goes now, with its body.
          records.push(...(await this.cancel(db, await this.deferrals.waitingOf(db, key), now)));
          await this.recipients.deleteReplies(db, key);
          break;
      }
    }
    return records;
  }

  private async consentChanged(
    db: Db,
    key: RecipientKey,
    event: Extract<RecipientEvent, { kind: 'consent_changed' }>,
    consent: Array<RecipientKey & ConsentRecord>,
    now: Date,
  ): Promise<Emit[]> {
    const seq = await this.recipients.recordConsentEvent(db, key, { ...event, at: new Date(event.at) });
    if (seq === undefined) return [];
    consent.push({
      ...key,
      seq,
      purpose: event.purpose,
      status: event.status,
      ledgerEventId: event.ledgerEventId,
    });
    if (event.status !== 'opted_out') return [];

    const waiting = await this.deferrals.waitingOf(db, key, event.purpose);
    const revoked = waiting.filter((row) => isRevoked(consent, row.message, row.consentSeq));
    const records = await this.cancel(db, revoked, now);
    if (event.purpose === 'marketing' && event.cause === 'keyword') {
      records.push(
        ...(await this.campaigns.attribute(
          db,
          { ...key, e164: event.e164, kind: 'opt_out', at: new Date(event.at) },
          now,
        )),
      );
    }
    return records;
  }

  /** Waiting messages cancelled OPTED_OUT: off the queue, number and body with them. */
  private async cancel(db: Db, rows: DeferralRow[], now: Date): Promise<Emit[]> {
    if (rows.length === 0) return [];
    await this.deferrals.remove(db, rows);
    await this.deferrals.recordDecisions(
      db,
      rows.map((row) => ({
        ...row,
        kind: row.message.kind,
        status: 'cancelled' as const,
        reason: 'OPTED_OUT',
        decidedAt: now,
      })),
    );
    return rows.flatMap((row) => messageDecision(row.message, 'cancelled', now, { reason: 'OPTED_OUT' }));
  }
}
