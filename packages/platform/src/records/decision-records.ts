import {
  RULES_VERSION,
  TOPICS,
  type AuditEvent,
  type MessageOutcome,
  type ReasonCode,
  type ServiceName,
} from '@optline/domain';

import type { OutRecord } from '../kafka/records';

export interface AuditInput {
  /** The message id or other subject the event id is built from. */
  subjectId: string;
  tenantId: string;
  at: Date;
  action: string;
  subject: AuditEvent['subject'];
  reason?: ReasonCode;
  /** For a decision that may repeat on one subject (deferred again, paused again). */
  sequence?: number | string;
  detail?: Record<string, unknown>;
}

/**
 * An audit event as every service writes it: the id is deterministic (`<service>:<subject>:<action>[:<n>]`)
 * so a replay is stored once, and every decision names the rules version that made it.
 */
export function auditRecord(service: ServiceName, input: AuditInput): OutRecord {
  const value: AuditEvent = {
    id: `${service}:${input.subjectId}:${input.action}${input.sequence === undefined ? '' : `:${input.sequence}`}`,
    tenantId: input.tenantId,
    at: input.at.toISOString(),
    service,
    action: input.action,
    subject: input.subject,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    detail: { ...input.detail, rulesVersion: RULES_VERSION },
  };
  const keySubject =
    input.subject.messageId ?? input.subject.campaignId ?? input.subject.phone ?? input.subjectId;
  return { topic: TOPICS.audit.name, key: `${input.tenantId}:${keySubject}`, value };
}

/** A message outcome, keyed `tenantId:messageId` (CONTRACT §1). */
export function outcomeRecord(outcome: MessageOutcome): OutRecord {
  return { topic: TOPICS.outcomes.name, key: `${outcome.tenantId}:${outcome.messageId}`, value: outcome };
}
