import {
  RULES_VERSION,
  TOPICS,
  type AcceptedInput,
  type AcceptedReceipt,
  type AuditEvent,
  type CampaignControl,
  type CampaignResume,
  type ErasureRequest,
  type ValueOf,
} from '@optline/domain';
import type { OutRecord } from '@optline/platform';

/*
 * The one place that turns an accepted input into what ingestion forwards. The Kafka consumer (which also
 * serves the HTTP API: HTTP publishes to the input topics) and the HTTP-only commands (erasure, resume, CSV
 * import) all build their records here, so every path forwards the same shapes with the same keys.
 */

/** The six producer topics, by their key in TOPICS. */
export const INPUT_TOPICS = ['contacts', 'consents', 'messages', 'campaigns', 'inbound', 'receipts'] as const;
export type InputTopic = (typeof INPUT_TOPICS)[number];
export type InputValue<T extends InputTopic> = ValueOf<T>;

const KIND_OF = {
  contacts: 'contact',
  consents: 'consent',
  messages: 'message',
  campaigns: 'campaign',
  inbound: 'inbound',
} as const;

/**
 * The key a well-behaved producer uses on the input topic (CONTRACT §1). Forwarded records keep it, so what
 * must stay in order for one subject (a contact's upserts, a number's consent changes, a campaign) stays on
 * one partition all the way to validation, which re-keys by recipient.
 */
export function inputKey(topic: InputTopic, value: InputValue<InputTopic>): string {
  const tenant = value.tenantId;
  switch (topic) {
    case 'contacts':
      return `${tenant}:${(value as ValueOf<'contacts'>).externalId}`;
    case 'consents':
      return `${tenant}:${(value as ValueOf<'consents'>).phone}`;
    case 'messages':
      return `${tenant}:${value.id}`;
    case 'campaigns':
      return `${tenant}:${(value as ValueOf<'campaigns'>).campaignId}`;
    case 'inbound':
      return `${tenant}:${(value as ValueOf<'inbound'>).from}`;
    case 'receipts':
      return `${tenant}:${(value as ValueOf<'receipts'>).providerMessageId}`;
  }
}

/** An input that passed schema, tenant and idempotency: receipts go to delivery, the rest to validation. */
export function forwardInput(topic: InputTopic, value: InputValue<InputTopic>, receivedAt: Date): OutRecord {
  const key = inputKey(topic, value);
  if (topic === 'receipts') {
    const accepted: AcceptedReceipt = {
      receivedAt: receivedAt.toISOString(),
      value: value as ValueOf<'receipts'>,
    };
    return { topic: TOPICS.acceptedReceipts.name, key, value: accepted };
  }
  const accepted = { kind: KIND_OF[topic], receivedAt: receivedAt.toISOString(), value } as AcceptedInput;
  return { topic: TOPICS.accepted.name, key, value: accepted };
}

/** The right to erasure (HTTP only): forwarded to validation, which erases its PII and passes it on. */
export function forwardErasure(request: ErasureRequest, receivedAt: Date): OutRecord {
  const accepted: AcceptedInput = { kind: 'erasure', receivedAt: receivedAt.toISOString(), value: request };
  return { topic: TOPICS.accepted.name, key: `${request.tenantId}:${request.phone}`, value: accepted };
}

/** Lifts a campaign pause (HTTP only): a command for scheduling. */
export function forwardResume(resume: CampaignResume, receivedAt: Date): OutRecord {
  const control: CampaignControl = { kind: 'resume', receivedAt: receivedAt.toISOString(), value: resume };
  return {
    topic: TOPICS.campaignControl.name,
    key: `${resume.tenantId}:${resume.campaignId}`,
    value: control,
  };
}

/** Where a seen-before input was: enough to find it again on the topic. */
export interface DuplicateInput {
  topic: InputTopic;
  value: InputValue<InputTopic>;
  partition: number;
  offset: string;
}

/** `input.duplicate`: a re-submitted id was dropped (CONTRACT §1: re-submitting an id sends nothing). */
export function duplicateAudit(input: DuplicateInput, at: Date): OutRecord {
  const { value, topic } = input;
  const topicName = TOPICS[topic].name;
  const subject: AuditEvent['subject'] = {};
  if (topic === 'messages') subject.messageId = value.id;
  if (topic === 'campaigns') subject.campaignId = (value as ValueOf<'campaigns'>).campaignId;
  const event: AuditEvent = {
    // One event per dropped record: the offset tells two re-submissions apart and makes a replay dedupe.
    id: `ingestion:${topicName}/${value.id}:input.duplicate:${input.partition}.${input.offset}`,
    tenantId: value.tenantId,
    at: at.toISOString(),
    service: 'ingestion',
    action: 'input.duplicate',
    subject,
    detail: { rulesVersion: RULES_VERSION, topic: topicName, inputId: value.id },
  };
  return { topic: TOPICS.audit.name, key: `${value.tenantId}:${value.id}`, value: event };
}
