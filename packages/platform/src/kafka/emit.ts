import { TOPICS, type TopicKey, type ValueOf } from '@optline/domain';

import type { OutRecord } from './records';

/**
 * A record a handler wants produced: a contract topic and a value of that topic's type, nothing else. The
 * Kafka key is not the handler's to choose; it follows from the topic (see `keyOf`).
 */
export type Emit<K extends TopicKey = TopicKey> = {
  [P in K]: { topic: P; value: ValueOf<P>; headers?: Record<string, string> };
}[K];

/** Builds an `Emit`, so the value is checked against the topic's type where it is written. */
export function emit<K extends TopicKey>(
  topic: K,
  value: ValueOf<K>,
  headers?: Record<string, string>,
): Emit<K> {
  return (headers === undefined ? { topic, value } : { topic, value, headers }) as Emit<K>;
}

type KeyOf = { [K in TopicKey]: (value: ValueOf<K>) => string };

/**
 * Each topic's key (TopicSpec.key). Internal topics about a recipient are keyed `tenantId:e164`, so every
 * fact about one recipient is on one partition; audit events are keyed by their subject (message, campaign,
 * then number), so one message's trail stays in order.
 */
const KEY_OF: KeyOf = {
  contacts: (v) => `${v.tenantId}:${v.externalId}`,
  consents: (v) => `${v.tenantId}:${v.phone}`,
  messages: (v) => `${v.tenantId}:${v.id}`,
  campaigns: (v) => `${v.tenantId}:${v.campaignId}`,
  inbound: (v) => `${v.tenantId}:${v.from}`,
  receipts: (v) => `${v.tenantId}:${v.providerMessageId}`,
  outcomes: (v) => `${v.tenantId}:${v.messageId}`,
  audit: (v) => `${v.tenantId}:${auditKeySubject(v)}`,
  dlq: (v) => v.key ?? `${v.topic}:${v.partition}:${v.offset}`,
  accepted: (v) => {
    switch (v.kind) {
      case 'contact':
        return KEY_OF.contacts(v.value);
      case 'consent':
        return KEY_OF.consents(v.value);
      case 'message':
        return KEY_OF.messages(v.value);
      case 'campaign':
        return KEY_OF.campaigns(v.value);
      case 'inbound':
        return KEY_OF.inbound(v.value);
      case 'erasure':
        return `${v.value.tenantId}:${v.value.phone}`;
    }
  },
  acceptedReceipts: (v) => KEY_OF.receipts(v.value),
  campaignControl: (v) => `${v.value.tenantId}:${v.value.campaignId}`,
  fanout: (v) => `${v.tenantId}:${v.campaignId}`,
  screened: (v) => {
    switch (v.kind) {
      case 'message':
        return `${v.message.tenantId}:${v.message.recipient.e164}`;
      case 'consent':
        return `${v.event.tenantId}:${v.e164}`;
      case 'inbound':
        return `${v.inbound.tenantId}:${v.recipient.e164}`;
      case 'erasure':
        return `${v.tenantId}:${v.e164}`;
    }
  },
  recipientEvents: (v) => `${v.tenantId}:${v.e164}`,
  cleared: (v) => `${v.message.tenantId}:${v.message.recipient.e164}`,
  due: (v) => `${v.tenantId}:${v.e164}`,
  released: (v) => `${v.message.tenantId}:${v.message.recipient.e164}`,
  deliveryEvents: (v) => `${v.tenantId}:${v.e164}`,
};

/**
 * An audit event's key subject: an event about an input (`detail.inputId`) is keyed by the input's id;
 * auditor queries share one key per tenant; any other event by its message, campaign, then number, and
 * failing those by the subject its id names (`<service>:<subject>:<action>[:<n>]`, decision-records.ts).
 */
function auditKeySubject(v: ValueOf<'audit'>): string {
  if (typeof v.detail.inputId === 'string') return v.detail.inputId;
  if (v.action === 'auditor.query') return v.action;
  const found = v.subject.messageId ?? v.subject.campaignId ?? v.subject.phone;
  if (found !== undefined) return found;
  const prefix = `${v.service}:`;
  const end = v.id.lastIndexOf(`:${v.action}`);
  return v.id.startsWith(prefix) && end >= prefix.length ? v.id.slice(prefix.length, end) : v.id;
}

export function keyOf<K extends TopicKey>(topic: K, value: ValueOf<K>): string {
  return (KEY_OF[topic] as (value: ValueOf<K>) => string)(value);
}

/** The record to produce for an `Emit`: contract topic name and the key its topic prescribes. */
export function toOutRecord(out: Emit): OutRecord {
  const record: OutRecord = {
    topic: TOPICS[out.topic].name,
    key: keyOf(out.topic, out.value as never),
    value: out.value,
  };
  if (out.headers) record.headers = out.headers;
  return record;
}

/**
 * Checks an emitted value against its topic's schema: in every test and in development (NODE_ENV other than
 * production), so a handler that builds a value its consumers would dead-letter fails where it is written.
 */
export function checkEmit(out: Emit): void {
  const parsed = TOPICS[out.topic].schema.safeParse(out.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `emitted ${out.topic} does not match its schema at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  }
}
