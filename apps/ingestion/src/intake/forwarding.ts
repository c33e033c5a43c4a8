import {
  TOPICS,
  type AcceptedInput,
  type AuditEvent,
  type CampaignResume,
  type ErasureRequest,
  type ValueOf,
} from '@optline/domain';
import { auditRecord, emit, type Emit } from '@optline/platform';

/*
 * The one place that turns an accepted input into what ingestion forwards. The Kafka consumer (which also
 * serves the HTTP API: HTTP publishes to the input topics) and the HTTP-only commands (erasure, resume, CSV
 * import) all build their records here, so every path forwards the same shapes. Each record's key follows from
 * its topic (keyOf): forwarded inputs keep the key a well-behaved producer uses on the input topic
 * (CONTRACT §1), so what must stay in order for one subject (a contact's upserts, a number's consent changes,
 * a campaign) stays on one partition all the way to validation, which re-keys by recipient.
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

/** An input that passed schema, tenant and idempotency: receipts go to delivery, the rest to validation. */
export function forwardInput(
  topic: InputTopic,
  value: InputValue<InputTopic>,
  receivedAt: Date,
): Emit<'accepted' | 'acceptedReceipts'> {
  if (topic === 'receipts') {
    return emit('acceptedReceipts', {
      receivedAt: receivedAt.toISOString(),
      value: value as ValueOf<'receipts'>,
    });
  }
  const accepted = { kind: KIND_OF[topic], receivedAt: receivedAt.toISOString(), value } as AcceptedInput;
  return emit('accepted', accepted);
}

/** The right to erasure (HTTP only): forwarded to validation, which erases its PII and passes it on. */
export function forwardErasure(request: ErasureRequest, receivedAt: Date): Emit<'accepted'> {
  return emit('accepted', { kind: 'erasure', receivedAt: receivedAt.toISOString(), value: request });
}

/** Lifts a campaign pause (HTTP only): a command for scheduling. */
export function forwardResume(resume: CampaignResume, receivedAt: Date): Emit<'campaignControl'> {
  return emit('campaignControl', { kind: 'resume', receivedAt: receivedAt.toISOString(), value: resume });
}

/** Where a seen-before input was: enough to find it again on the topic. */
export interface DuplicateInput {
  topic: InputTopic;
  value: InputValue<InputTopic>;
  partition: number;
  offset: string;
}

/**
 * `input.duplicate`: a re-submitted id was dropped (CONTRACT §1: re-submitting an id sends nothing). Keyed by
 * the input's id (`detail.inputId`).
 */
export function duplicateAudit(input: DuplicateInput, at: Date): Emit<'audit'> {
  const { value, topic } = input;
  const topicName = TOPICS[topic].name;
  const subject: AuditEvent['subject'] = {};
  if (topic === 'messages') subject.messageId = value.id;
  if (topic === 'campaigns') subject.campaignId = (value as ValueOf<'campaigns'>).campaignId;
  return auditRecord('ingestion', {
    subjectId: `${topicName}/${value.id}`,
    tenantId: value.tenantId,
    at,
    action: 'input.duplicate',
    subject,
    // One event per dropped record: the offset tells two re-submissions apart and makes a replay dedupe.
    sequence: `${input.partition}.${input.offset}`,
    detail: { topic: topicName, inputId: value.id },
  });
}
