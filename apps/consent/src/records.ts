import {
  RULES_VERSION,
  TOPICS,
  type ClearedItem,
  type MessageOutcome,
  type ReasonCode,
  type RecipientEvent,
  type WorkMessage,
} from '@optline/domain';
import { auditRecord as buildAuditRecord, type AuditInput, type OutRecord } from '@optline/platform';

/** An audit event of consent (ids and keys as every service builds them). */
export function auditRecord(input: AuditInput): OutRecord {
  return buildAuditRecord('consent', input);
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
