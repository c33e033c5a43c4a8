import {
  RULES_VERSION,
  TOPICS,
  type AuditEvent,
  type ClearedItem,
  type MessageOutcome,
  type ReasonCode,
  type RecipientEvent,
  type WorkMessage,
} from '@optline/domain';
import type { OutRecord } from '@optline/platform';

/**
 * The records consent produces. Audit ids are deterministic (`consent:<subject>:<action>`) so a replay dedupes;
 * every decision carries the rules version (SERVICES.md, audit event conventions).
 */
export function auditRecord(input: {
  subjectId: string;
  tenantId: string;
  at: Date;
  action: string;
  subject: AuditEvent['subject'];
  reason?: ReasonCode;
  detail?: Record<string, unknown>;
}): OutRecord {
  const value: AuditEvent = {
    id: `consent:${input.subjectId}:${input.action}`,
    tenantId: input.tenantId,
    at: input.at.toISOString(),
    service: 'consent',
    action: input.action,
    subject: input.subject,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    detail: { ...input.detail, rulesVersion: RULES_VERSION },
  };
  const keySubject = input.subject.messageId ?? input.subject.phone ?? input.subjectId;
  return { topic: TOPICS.audit.name, key: `${input.tenantId}:${keySubject}`, value };
}

/** A `blocked` outcome for a message consent stopped (NO_CONSENT, OPTED_OUT, CONSENT_EXPIRED). */
export function blockedOutcome(
  message: WorkMessage,
  reason: ReasonCode,
  at: Date,
  ledgerEventId?: string,
): OutRecord {
  const value: MessageOutcome = {
    messageId: message.messageId,
    tenantId: message.tenantId,
    ...(message.campaignId === undefined ? {} : { campaignId: message.campaignId }),
    status: 'blocked',
    reason,
    to: message.recipient.e164,
    at: at.toISOString(),
    detail: { rulesVersion: RULES_VERSION, ...(ledgerEventId === undefined ? {} : { ledgerEventId }) },
  };
  return { topic: TOPICS.outcomes.name, key: `${message.tenantId}:${message.messageId}`, value };
}

export function clearedRecord(message: WorkMessage): OutRecord {
  const value: ClearedItem = { kind: 'message', message };
  return { topic: TOPICS.cleared.name, key: `${message.tenantId}:${message.recipient.e164}`, value };
}

export function recipientEventRecord(event: RecipientEvent): OutRecord {
  return { topic: TOPICS.recipientEvents.name, key: `${event.tenantId}:${event.e164}`, value: event };
}
