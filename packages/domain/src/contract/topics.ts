import type { z } from 'zod';

import {
  CampaignRequest,
  ConsentEvent,
  ContactUpsert,
  DeliveryReceipt,
  InboundSms,
  SendRequest,
} from './inputs';
import {
  AcceptedInput,
  AcceptedReceipt,
  CampaignControl,
  ClearedItem,
  DeliveryEvent,
  DueTick,
  FanoutPage,
  RecipientEvent,
  ReleasedItem,
  ScreenedItem,
} from './internal';
import { AuditEvent, DeadLetter, MessageOutcome } from './outputs';

export interface TopicSpec {
  name: string;
  schema: z.ZodType;
  /** `in`: producers write it; `out`: the system writes it for others; `internal`: between our services. */
  direction: 'in' | 'out' | 'internal';
  /** What a well-behaved producer keys it by (documentation; nothing relies on it). */
  key: string;
}

/** Every topic the system uses. Topic names are persistent: never rename one, add a v2. */
export const TOPICS = {
  contacts: {
    name: 'optline.contacts.v1',
    schema: ContactUpsert,
    direction: 'in',
    key: 'tenantId:externalId',
  },
  consents: { name: 'optline.consents.v1', schema: ConsentEvent, direction: 'in', key: 'tenantId:phone' },
  messages: { name: 'optline.messages.v1', schema: SendRequest, direction: 'in', key: 'tenantId:id' },
  campaigns: {
    name: 'optline.campaigns.v1',
    schema: CampaignRequest,
    direction: 'in',
    key: 'tenantId:campaignId',
  },
  inbound: { name: 'optline.inbound.v1', schema: InboundSms, direction: 'in', key: 'tenantId:from' },
  receipts: {
    name: 'optline.receipts.v1',
    schema: DeliveryReceipt,
    direction: 'in',
    key: 'tenantId:providerMessageId',
  },
  outcomes: {
    name: 'optline.outcomes.v1',
    schema: MessageOutcome,
    direction: 'out',
    key: 'tenantId:messageId',
  },
  audit: { name: 'optline.audit.v1', schema: AuditEvent, direction: 'out', key: 'tenantId:id' },
  dlq: { name: 'optline.dlq.v1', schema: DeadLetter, direction: 'out', key: 'original key' },

  accepted: {
    name: 'optline.internal.accepted.v1',
    schema: AcceptedInput,
    direction: 'internal',
    key: 'tenantId:id',
  },
  acceptedReceipts: {
    name: 'optline.internal.receipts.v1',
    schema: AcceptedReceipt,
    direction: 'internal',
    key: 'tenantId:providerMessageId',
  },
  campaignControl: {
    name: 'optline.internal.campaign-control.v1',
    schema: CampaignControl,
    direction: 'internal',
    key: 'tenantId:campaignId',
  },
  fanout: {
    name: 'optline.internal.fanout.v1',
    schema: FanoutPage,
    direction: 'internal',
    key: 'tenantId:campaignId',
  },
  screened: {
    name: 'optline.internal.screened.v1',
    schema: ScreenedItem,
    direction: 'internal',
    key: 'tenantId:e164',
  },
  recipientEvents: {
    name: 'optline.internal.recipient-events.v1',
    schema: RecipientEvent,
    direction: 'internal',
    key: 'tenantId:e164',
  },
  cleared: {
    name: 'optline.internal.cleared.v1',
    schema: ClearedItem,
    direction: 'internal',
    key: 'tenantId:e164',
  },
  due: { name: 'optline.internal.due.v1', schema: DueTick, direction: 'internal', key: 'tenantId:e164' },
  released: {
    name: 'optline.internal.released.v1',
    schema: ReleasedItem,
    direction: 'internal',
    key: 'tenantId:e164',
  },
  deliveryEvents: {
    name: 'optline.internal.delivery-events.v1',
    schema: DeliveryEvent,
    direction: 'internal',
    key: 'tenantId:e164',
  },
} as const satisfies Record<string, TopicSpec>;

export type TopicKey = keyof typeof TOPICS;
export type TopicName = (typeof TOPICS)[TopicKey]['name'];
export type ValueOf<K extends TopicKey> = z.infer<(typeof TOPICS)[K]['schema']>;

export const ALL_TOPICS: readonly TopicSpec[] = Object.values(TOPICS);

export function topicByName(name: string): TopicSpec | undefined {
  return ALL_TOPICS.find((topic) => topic.name === name);
}
