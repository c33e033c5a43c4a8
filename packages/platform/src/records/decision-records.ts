import {
  RULES_VERSION,
  type AuditEvent,
  type MessageOutcome,
  type OutcomeStatus,
  type ReasonCode,
  type ServiceName,
} from '@optline/domain';

import { emit, type Emit } from '../kafka/emit';

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

/** Every decision names the rules version that made it; this is the one place it is set. */
function withRulesVersion(detail: Record<string, unknown> | undefined): Record<string, unknown> {
  return { ...detail, rulesVersion: RULES_VERSION };
}

/**
 * An audit event as every service writes it: the id is deterministic (`<service>:<subject>:<action>[:<n>]`)
 * so a replay is stored once, and every decision names the rules version that made it. The key follows
 * from the event (`keyOf`): its message, campaign, number, then the subject in its id.
 */
export function auditRecord(service: ServiceName, input: AuditInput): Emit<'audit'> {
  const value: AuditEvent = {
    id: `${service}:${input.subjectId}:${input.action}${input.sequence === undefined ? '' : `:${input.sequence}`}`,
    tenantId: input.tenantId,
    at: input.at.toISOString(),
    service,
    action: input.action,
    subject: input.subject,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    detail: withRulesVersion(input.detail),
  };
  return emit('audit', value);
}

/** A message outcome (CONTRACT §1), keyed `tenantId:messageId`, with the rules version in its detail. */
export function outcomeRecord(outcome: MessageOutcome): Emit<'outcomes'> {
  return emit('outcomes', { ...outcome, detail: withRulesVersion(outcome.detail) });
}

/** The message an outcome or audit event is about. Absent or null facts are left out. */
export interface MessageRef {
  messageId: string;
  tenantId: string;
  campaignId?: string | null;
  /** The recipient's E.164 number; null once it was erased. */
  to?: string | null;
}

export interface OutcomeFields {
  status: OutcomeStatus;
  at: Date;
  reason?: ReasonCode;
  scheduledFor?: Date;
  providerMessageId?: string | null;
  detail?: Record<string, unknown>;
}

/** What happened to a message, built the same way by every service. */
export function messageOutcome(message: MessageRef, fields: OutcomeFields): Emit<'outcomes'> {
  return outcomeRecord({
    messageId: message.messageId,
    tenantId: message.tenantId,
    ...(message.campaignId ? { campaignId: message.campaignId } : {}),
    status: fields.status,
    ...(fields.reason === undefined ? {} : { reason: fields.reason }),
    ...(message.to ? { to: message.to } : {}),
    at: fields.at.toISOString(),
    ...(fields.scheduledFor === undefined ? {} : { scheduledFor: fields.scheduledFor.toISOString() }),
    ...(fields.providerMessageId ? { providerMessageId: fields.providerMessageId } : {}),
    ...(fields.detail === undefined ? {} : { detail: fields.detail }),
  });
}

/** The audit subject of a message: the message, its number (unless erased) and its campaign. */
export function messageSubject(message: MessageRef): AuditEvent['subject'] {
  return {
    messageId: message.messageId,
    ...(message.to ? { phone: message.to } : {}),
    ...(message.campaignId ? { campaignId: message.campaignId } : {}),
  };
}
