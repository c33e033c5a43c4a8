import { Injectable } from '@nestjs/common';

import {
  E164,
  type AcceptedInput,
  type CampaignRequest,
  type ConsentEvent,
  type ContactUpsert,
  type ErasureRequest,
  type InboundSms,
  type SendRequest,
} from '@optline/domain';
import { TenantDirectory, auditRecord, emit, type Db, type Emit } from '@optline/platform';

import { CampaignsService } from '../campaigns/campaigns.service';
import { HygieneService } from '../hygiene/hygiene.service';
import { hasCountry, readNumber, recipientOf } from '../numbers/recipient';
import type { ContactRow } from '../registry/registry.repository';
import { RegistryRepository } from '../registry/registry.repository';
import { RegistryService } from '../registry/registry.service';
import { screenMessage } from './message-screening';

type Accepted<K extends AcceptedInput['kind']> = Extract<AcceptedInput, { kind: K }>;

/**
 * Everything ingestion accepted, in partition order. Consecutive inputs of one kind are handled together,
 * with set-based SQL; the kinds keep their order (a contact upsert is in the registry before a later message
 * of the same partition is screened).
 */
@Injectable()
export class ScreeningService {
  constructor(
    private readonly registry: RegistryService,
    private readonly contacts: RegistryRepository,
    private readonly hygiene: HygieneService,
    private readonly campaigns: CampaignsService,
    private readonly tenants: TenantDirectory,
  ) {}

  async handle(db: Db, inputs: AcceptedInput[], now: Date): Promise<Emit[]> {
    const outputs: Emit[] = [];
    for (const run of runsOfOneKind(inputs)) outputs.push(...(await this.handleRun(db, run, now)));
    return outputs;
  }

  private handleRun(db: Db, run: AcceptedInput[], now: Date): Promise<Emit[]> {
    const kind = run[0]!.kind;
    switch (kind) {
      case 'contact':
        return this.registry.upsert(
          db,
          (run as Array<Accepted<'contact'>>).map((input) => input.value as ContactUpsert),
          now,
        );
      case 'message':
        return this.messages(db, run as Array<Accepted<'message'>>, now);
      case 'campaign':
        return this.campaigns.start(
          db,
          (run as Array<Accepted<'campaign'>>).map((input) => ({
            value: input.value as CampaignRequest,
            receivedAt: input.receivedAt,
          })),
          now,
        );
      case 'consent':
        return Promise.resolve(this.consents(run as Array<Accepted<'consent'>>, now));
      case 'inbound':
        return this.inbound(db, run as Array<Accepted<'inbound'>>, now);
      case 'erasure':
        return this.erasures(db, run as Array<Accepted<'erasure'>>, now);
    }
  }

  private async messages(db: Db, inputs: Array<Accepted<'message'>>, now: Date): Promise<Emit[]> {
    const requests = inputs.map((input) => {
      const value = input.value as SendRequest;
      const number = readNumber(value.to, value.defaultCountry, this.tenants.get(value.tenantId));
      return { value, receivedAt: input.receivedAt, number };
    });
    const numbers = requests.flatMap(({ value, number }) =>
      number.e164 ? [{ tenantId: value.tenantId, e164: number.e164 }] : [],
    );
    const named = requests.flatMap(({ value }) =>
      value.contactExternalId ? [{ tenantId: value.tenantId, externalId: value.contactExternalId }] : [],
    );
    const found = indexContacts(await this.contacts.byIdOrNumber(db, named, numbers));
    const states = await this.hygiene.states(db, numbers);

    const outputs: Emit[] = [];
    const inactive = [];
    for (const { value, receivedAt, number } of requests) {
      const tenant = this.tenants.get(value.tenantId);
      const contact = value.contactExternalId
        ? found.byId.get(`${value.tenantId}\u0000${value.contactExternalId}`)
        : undefined;
      // Locale and zone belong to the person behind the number: the named contact if it holds it, else its holder.
      const holder =
        contact && contact.e164 === number.e164
          ? contact
          : number.e164
            ? found.byNumber.get(`${value.tenantId}\u0000${number.e164}`)
            : undefined;
      const hygiene = number.e164
        ? states({ tenantId: value.tenantId, e164: number.e164 })
        : { marketingSendsSinceReply: 0 };
      const result = screenMessage(
        {
          messageId: value.id,
          tenantId: value.tenantId,
          campaignId: value.campaignId,
          purpose: value.purpose,
          body: value.body,
          variables: value.variables,
          senderId: value.senderId,
          timing: value.timing,
          notBefore: value.notBefore,
          expiresAt: value.expiresAt,
          requestedAt: value.occurredAt,
          acceptedAt: receivedAt,
          number,
          attributes: contact?.attributes,
          profile: holder && { locale: holder.locale, timeZone: holder.timeZone },
          hygiene,
        },
        { tenant, policy: this.tenants.policy(value.tenantId), now },
      );
      outputs.push(...result.records);
      if (result.inactive && number.e164)
        inactive.push({ tenantId: value.tenantId, e164: number.e164, messageId: value.id, state: hygiene });
    }
    outputs.push(...(await this.hygiene.reportInactive(db, inactive, now)));
    return outputs;
  }

  /** Consent events go on to consent with their number in E.164; one without a usable number is dropped. */
  private consents(inputs: Array<Accepted<'consent'>>, now: Date): Emit[] {
    return inputs.map((input) => {
      const event = input.value as ConsentEvent;
      const number = readNumber(event.phone, event.defaultCountry, this.tenants.get(event.tenantId));
      if (number.e164 && E164.safeParse(number.e164).success) {
        return emit('screened', {
          kind: 'consent',
          e164: number.e164,
          receivedAt: input.receivedAt,
          event,
        });
      }
      return dropped(event, 'consent.rejected', now);
    });
  }

  /** Replies go on to consent with the sender as a recipient (a STOP is honoured even from an odd number). */
  private async inbound(db: Db, inputs: Array<Accepted<'inbound'>>, now: Date): Promise<Emit[]> {
    const replies = inputs.map((input) => {
      const inbound = input.value as InboundSms;
      return {
        inbound,
        receivedAt: input.receivedAt,
        number: readNumber(inbound.from, undefined, this.tenants.get(inbound.tenantId)),
      };
    });
    const numbers = replies.flatMap(({ inbound, number }) =>
      number.e164 ? [{ tenantId: inbound.tenantId, e164: number.e164 }] : [],
    );
    const found = indexContacts(await this.contacts.byNumber(db, numbers));
    return replies.map(({ inbound, receivedAt, number }) => {
      const { e164, region } = number;
      if (!e164 || !E164.safeParse(e164).success || !hasCountry(region))
        return dropped(inbound, 'inbound.dropped', now);
      const holder = found.byNumber.get(`${inbound.tenantId}\u0000${e164}`);
      const recipient = recipientOf(
        { e164, region, numberType: number.numberType },
        holder && { locale: holder.locale, timeZone: holder.timeZone },
      );
      return emit('screened', { kind: 'inbound', recipient, receivedAt, inbound });
    });
  }

  /** Erasure: validation deletes its own personal data of the number first, then passes the request on. */
  private async erasures(db: Db, inputs: Array<Accepted<'erasure'>>, now: Date): Promise<Emit[]> {
    const outputs: Emit[] = [];
    for (const input of inputs) {
      const request = input.value as ErasureRequest;
      const number = readNumber(request.phone, request.defaultCountry, this.tenants.get(request.tenantId));
      if (!number.e164 || !E164.safeParse(number.e164).success) {
        outputs.push(dropped(request, 'erasure.rejected', now));
        continue;
      }
      const e164 = number.e164;
      const at = new Date(input.receivedAt);
      const contacts = await this.registry.erase(
        db,
        [{ tenantId: request.tenantId, e164, at, causeId: request.id }],
        now,
      );
      outputs.push(
        auditRecord('validation', {
          subjectId: request.id,
          tenantId: request.tenantId,
          at: now,
          action: 'contact.erased',
          subject: { phone: e164 },
          detail: { requestId: request.id, contacts },
        }),
        emit('screened', {
          kind: 'erasure',
          tenantId: request.tenantId,
          e164,
          requestId: request.id,
          at: input.receivedAt,
        }),
      );
    }
    return outputs;
  }
}

/** An input whose number cannot be read at all: dropped, with the reason on the audit trail. */
function dropped(value: { id: string; tenantId: string }, action: string, now: Date): Emit {
  return auditRecord('validation', {
    subjectId: value.id,
    tenantId: value.tenantId,
    at: now,
    action,
    subject: {},
    reason: 'INVALID_NUMBER',
    detail: { inputId: value.id },
  });
}

function indexContacts(rows: ContactRow[]) {
  const byId = new Map<string, ContactRow>();
  const byNumber = new Map<string, ContactRow>();
  for (const row of rows) {
    byId.set(`${row.tenantId}\u0000${row.externalId}`, row);
    const key = `${row.tenantId}\u0000${row.e164}`;
    const holder = byNumber.get(key);
    if (!holder || row.externalId < holder.externalId) byNumber.set(key, row);
  }
  return { byId, byNumber };
}

/** Splits inputs into runs of consecutive inputs of the same kind, keeping their order. */
export function runsOfOneKind(inputs: AcceptedInput[]): AcceptedInput[][] {
  const runs: AcceptedInput[][] = [];
  for (const input of inputs) {
    const last = runs.at(-1);
    if (last && last[0]!.kind === input.kind) last.push(input);
    else runs.push([input]);
  }
  return runs;
}
