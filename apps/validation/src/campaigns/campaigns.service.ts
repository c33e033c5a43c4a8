import { Injectable } from '@nestjs/common';

import type { CampaignRequest, FanoutPage, NumberType } from '@optline/domain';
import { TenantDirectory, auditRecord, emit, type Db, type Emit } from '@optline/platform';

import { HygieneService } from '../hygiene/hygiene.service';
import { screenMessage, type MessageToScreen } from '../screening/message-screening';
import { CampaignsRepository, type Fanout, type PageRecipient } from './campaigns.repository';

/** Recipients fanned out per consume-process-produce step. */
export const FANOUT_PAGE_SIZE = 500;

/**
 * Campaign fan-out. Accepting a CampaignRequest records it and fixes its recipients in one transaction (one
 * per distinct number among the contacts the segment selects at that moment; contacts added or changed
 * later are not in it). The fan-out then runs as a chain of FanoutPage records on internal.fanout.v1: each
 * page is one consume-process-produce step that screens up to 500 recipients in externalId order, moves the
 * cursor and emits the next page, all committed together. A crash replays at most the step in flight, with
 * the same outputs, so every recipient gets exactly one message `<request id>:<externalId>`.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly repository: CampaignsRepository,
    private readonly hygiene: HygieneService,
    private readonly tenants: TenantDirectory,
  ) {}

  async start(
    db: Db,
    requests: Array<{ value: CampaignRequest; receivedAt: string }>,
    now: Date,
  ): Promise<Emit[]> {
    const outputs: Emit[] = [];
    for (const { value, receivedAt } of requests) {
      if (!(await this.repository.start(db, value, new Date(receivedAt)))) continue;
      const snapshot = await this.repository.snapshot(db, value);
      if (!snapshot.ok) {
        await this.repository.advance(db, value.tenantId, value.id, { cursor: '', messages: 0, doneAt: now });
        outputs.push(
          auditRecord('validation', {
            subjectId: value.id,
            tenantId: value.tenantId,
            at: now,
            action: 'campaign.rejected',
            subject: { campaignId: value.campaignId },
            reason: 'MALFORMED',
            detail: { requestId: value.id, errors: snapshot.errors },
          }),
        );
        continue;
      }
      outputs.push(
        pageRecord({ tenantId: value.tenantId, requestId: value.id, campaignId: value.campaignId }),
      );
    }
    return outputs;
  }

  async fanOut(db: Db, pages: FanoutPage[], now: Date): Promise<Emit[]> {
    const outputs: Emit[] = [];
    for (const page of pages) {
      const fanout = await this.repository.load(db, page.tenantId, page.requestId);
      // A page that is not the next one (a duplicate, or of a finished fan-out) does nothing.
      if (!fanout || fanout.done || fanout.cursor !== (page.after ?? '')) continue;
      outputs.push(...(await this.fanOutPage(db, page, fanout, now)));
    }
    return outputs;
  }

  private async fanOutPage(db: Db, page: FanoutPage, fanout: Fanout, now: Date): Promise<Emit[]> {
    const { request } = fanout;
    const recipients = await this.repository.page(
      db,
      page.tenantId,
      page.requestId,
      fanout.cursor,
      FANOUT_PAGE_SIZE,
    );
    const present = recipients.filter((r): r is Required<PageRecipient> => r.contact !== undefined);
    const states = await this.hygiene.states(
      db,
      present.map((r) => ({ tenantId: request.tenantId, e164: r.contact.e164 })),
    );
    const tenant = this.tenants.get(request.tenantId);
    const context = { tenant, policy: this.tenants.policy(request.tenantId), now };

    const outputs: Emit[] = [];
    const inactive = [];
    for (const { externalId, contact } of present) {
      const message: MessageToScreen = {
        messageId: `${request.id}:${externalId}`,
        tenantId: request.tenantId,
        campaignId: request.campaignId,
        purpose: request.purpose,
        body: request.body,
        senderId: request.senderId,
        timing: request.timing,
        notBefore: request.notBefore,
        expiresAt: request.expiresAt,
        requestedAt: request.occurredAt,
        acceptedAt: fanout.receivedAt.toISOString(),
        number: {
          ok: true,
          e164: contact.e164,
          region: contact.region,
          numberType: contact.numberType as NumberType,
          smsCapable: true,
        },
        attributes: contact.attributes,
        profile: { locale: contact.locale, timeZone: contact.timeZone },
        hygiene: states({ tenantId: request.tenantId, e164: contact.e164 }),
      };
      const result = screenMessage(message, context);
      outputs.push(...result.records);
      if (result.inactive)
        inactive.push({
          tenantId: request.tenantId,
          e164: contact.e164,
          messageId: message.messageId,
          state: message.hygiene,
        });
    }
    outputs.push(...(await this.hygiene.reportInactive(db, inactive, now)));

    const cursor = recipients.at(-1)?.externalId ?? fanout.cursor;
    if (recipients.length === FANOUT_PAGE_SIZE) {
      await this.repository.advance(db, request.tenantId, request.id, { cursor, messages: present.length });
      outputs.push(pageRecord({ ...page, after: cursor }));
      return outputs;
    }
    const total = await this.repository.advance(db, request.tenantId, request.id, {
      cursor,
      messages: present.length,
      doneAt: now,
    });
    outputs.push(
      auditRecord('validation', {
        subjectId: request.id,
        tenantId: request.tenantId,
        at: now,
        action: 'campaign.fanned_out',
        subject: { campaignId: request.campaignId },
        detail: { requestId: request.id, recipients: total },
      }),
    );
    return outputs;
  }
}

function pageRecord(page: FanoutPage): Emit<'fanout'> {
  return emit('fanout', page);
}
