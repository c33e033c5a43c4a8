import {
  TOPICS,
  type AuditEvent,
  type MessageOutcome,
  type ReasonCode,
  type ScreenedItem,
} from '@optline/domain';
import { auditRecord as buildAuditRecord, type AuditInput, type OutRecord } from '@optline/platform';

/*
 * The records validation writes, built in one place so ids and keys follow the conventions:
 * audit ids `validation:<messageId or subject>:<action>` (deterministic, so replays dedupe), keyed
 * `tenantId:<subject>`; outcomes keyed `tenantId:messageId`; screened items keyed `tenantId:e164`.
 */

/** An audit event of validation (ids and keys as every service builds them). */
export function auditRecord(input: AuditInput): OutRecord {
  return buildAuditRecord('validation', input);
}

export interface BlockInput {
  messageId: string;
  tenantId: string;
  campaignId?: string;
  reason: ReasonCode;
  to?: string;
  at: Date;
  detail?: Record<string, unknown>;
}

/** A message validation stops: its terminal `blocked` outcome and the `message.blocked` audit event. */
export function blockRecords(input: BlockInput): OutRecord[] {
  const outcome: MessageOutcome = {
    messageId: input.messageId,
    tenantId: input.tenantId,
    ...(input.campaignId ? { campaignId: input.campaignId } : {}),
    status: 'blocked',
    reason: input.reason,
    ...(input.to ? { to: input.to } : {}),
    at: input.at.toISOString(),
    ...(input.detail ? { detail: input.detail } : {}),
  };
  return [
    { topic: TOPICS.outcomes.name, key: `${input.tenantId}:${input.messageId}`, value: outcome },
    auditRecord({
      subjectId: input.messageId,
      tenantId: input.tenantId,
      at: input.at,
      action: 'message.blocked',
      subject: messageSubject(input.messageId, input.to, input.campaignId),
      reason: input.reason,
      detail: input.detail,
    }),
  ];
}

export function messageSubject(
  messageId: string,
  phone?: string,
  campaignId?: string,
): AuditEvent['subject'] {
  return { messageId, ...(phone ? { phone } : {}), ...(campaignId ? { campaignId } : {}) };
}

export function screenedRecord(tenantId: string, e164: string, item: ScreenedItem): OutRecord {
  return { topic: TOPICS.screened.name, key: `${tenantId}:${e164}`, value: item };
}
