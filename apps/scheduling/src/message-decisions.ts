import type { OutcomeStatus, ReasonCode, WorkMessage } from '@optline/domain';
import {
  auditRecord,
  emit,
  messageOutcome,
  messageSubject,
  type Emit,
  type MessageRef,
} from '@optline/platform';

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
): Emit[] {
  const ref = refOf(message);
  return [
    messageOutcome(ref, {
      status,
      at,
      ...(extra.reason === undefined ? {} : { reason: extra.reason }),
      ...(extra.scheduledFor === undefined ? {} : { scheduledFor: extra.scheduledFor }),
      detail: { ...extra.detail },
    }),
    auditRecord('scheduling', {
      subjectId: message.messageId,
      tenantId: message.tenantId,
      at,
      action: `message.${status}`,
      subject: messageSubject(ref),
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
): Emit[] {
  return [
    emit('released', { message, releasedAt: at.toISOString() }),
    auditRecord('scheduling', {
      subjectId: message.messageId,
      tenantId: message.tenantId,
      at,
      action: 'message.released',
      subject: messageSubject(refOf(message)),
      detail: { purpose: message.purpose, kind: message.kind, ...detail },
    }),
  ];
}

function refOf(message: WorkMessage): MessageRef {
  return {
    messageId: message.messageId,
    tenantId: message.tenantId,
    campaignId: message.campaignId,
    to: message.recipient.e164,
  };
}
