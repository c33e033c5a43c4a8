import {
  RULES_VERSION,
  TOPICS,
  type AuditEvent,
  type DueTick,
  type MessageOutcome,
  type OutcomeStatus,
  type ReasonCode,
  type ReleasedItem,
  type WorkMessage,
} from '@optline/domain';
import { auditRecord as buildAuditRecord, type AuditInput, type OutRecord } from '@optline/platform';

/** An audit event of scheduling (ids and keys as every service builds them). */
export function auditRecord(input: AuditInput): OutRecord {
  return buildAuditRecord('scheduling', input);
}

/** What happened to a message: a MessageOutcome and its `message.<status>` audit event. */
export function messageDecision(
  message: WorkMessage,
  status: Exclude<OutcomeStatus, 'sent' | 'delivered' | 'failed'>,
  at: Date,
  extra: {
    reason?: ReasonCode;
    scheduledFor?: Date;
    sequence?: number;
    detail?: Record<string, unknown>;
  } = {},
): OutRecord[] {
  const detail = { ...extra.detail, rulesVersion: RULES_VERSION };
  const outcome: MessageOutcome = {
    messageId: message.messageId,
    tenantId: message.tenantId,
    ...(message.campaignId === undefined ? {} : { campaignId: message.campaignId }),
    status,
    ...(extra.reason === undefined ? {} : { reason: extra.reason }),
    to: message.recipient.e164,
    at: at.toISOString(),
    ...(extra.scheduledFor === undefined ? {} : { scheduledFor: extra.scheduledFor.toISOString() }),
    detail,
  };
  return [
    { topic: TOPICS.outcomes.name, key: `${message.tenantId}:${message.messageId}`, value: outcome },
    auditRecord({
      subjectId: message.messageId,
      tenantId: message.tenantId,
      at,
      action: `message.${status}`,
      subject: subjectOf(message),
      ...(extra.sequence === undefined ? {} : { sequence: extra.sequence }),
      ...(extra.reason === undefined ? {} : { reason: extra.reason }),
      detail: {
        purpose: message.purpose,
        kind: message.kind,
        ...(extra.scheduledFor === undefined ? {} : { scheduledFor: extra.scheduledFor.toISOString() }),
        ...extra.detail,
      },
    }),
  ];
}

/** Handed to delivery: internal.released.v1 and the `message.released` audit event (no outcome: delivery sends it). */
export function releasedRecords(
  message: WorkMessage,
  at: Date,
  detail: Record<string, unknown> = {},
): OutRecord[] {
  const value: ReleasedItem = { message, releasedAt: at.toISOString() };
  return [
    { topic: TOPICS.released.name, key: `${message.tenantId}:${message.recipient.e164}`, value },
    auditRecord({
      subjectId: message.messageId,
      tenantId: message.tenantId,
      at,
      action: 'message.released',
      subject: subjectOf(message),
      detail: { purpose: message.purpose, kind: message.kind, ...detail },
    }),
  ];
}

export function dueTickRecord(tick: DueTick): OutRecord {
  return { topic: TOPICS.due.name, key: `${tick.tenantId}:${tick.e164}`, value: tick };
}

export function subjectOf(message: WorkMessage): AuditEvent['subject'] {
  return {
    messageId: message.messageId,
    phone: message.recipient.e164,
    ...(message.campaignId === undefined ? {} : { campaignId: message.campaignId }),
  };
}
