import type { DeliveryEvent, DeliveryReceipt, Purpose, ReasonCode } from '@optline/domain';
import {
  auditRecord,
  emit,
  messageOutcome,
  messageSubject,
  type Emit,
  type MessageRef,
  type OutcomeFields,
} from '@optline/platform';

/** The facts of one message that every record about it repeats. */
export interface MessageFacts {
  tenantId: string;
  messageId: string;
  e164: string | null;
  purpose: Purpose;
  kind: string;
  campaignId: string | null;
  provider: string;
}

/** How a message ended at delivery, as recorded in the send ledger. */
export interface DeliveryDecision {
  state: 'sent' | 'failed' | 'unknown' | 'cancelled' | 'blocked';
  at: Date;
  providerMessageId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
}

type AuditAction =
  'message.sent' | 'message.delivered' | 'message.failed' | 'message.cancelled' | 'message.blocked';

function refOf(facts: MessageFacts): MessageRef {
  return {
    messageId: facts.messageId,
    tenantId: facts.tenantId,
    campaignId: facts.campaignId,
    to: facts.e164,
  };
}

function outcome(facts: MessageFacts, fields: OutcomeFields): Emit<'outcomes'> {
  return messageOutcome(refOf(facts), fields);
}

function audit(
  facts: MessageFacts,
  action: AuditAction,
  at: Date,
  reason: string | null | undefined,
  detail: Record<string, unknown>,
): Emit<'audit'> {
  return auditRecord('delivery', {
    subjectId: facts.messageId,
    tenantId: facts.tenantId,
    at,
    action,
    subject: messageSubject(refOf(facts)),
    ...(reason ? { reason: reason as ReasonCode } : {}),
    detail: { provider: facts.provider, purpose: facts.purpose, kind: facts.kind, ...detail },
  });
}

function deliveryEvent(facts: MessageFacts, status: DeliveryEvent['status'], at: Date): Emit[] {
  // An erased number has nothing left for hygiene to count.
  if (!facts.e164) return [];
  return [
    emit('deliveryEvents', {
      tenantId: facts.tenantId,
      e164: facts.e164,
      messageId: facts.messageId,
      purpose: facts.purpose,
      ...(facts.campaignId ? { campaignId: facts.campaignId } : {}),
      status,
      at: at.toISOString(),
    }),
  ];
}

/**
 * The records one decision at delivery gives: its outcome (CONTRACT §1), its audit event, and for a send the
 * DeliveryEvent validation counts for the sunset rule. An unknown result is reported `failed` with
 * `detail.unknownResult`: the contract has no "unknown" status, and claiming `sent` without the provider's word
 * would count a text that may never have gone; it is never sent again either way.
 */
export function decisionRecords(facts: MessageFacts, decision: DeliveryDecision): Emit[] {
  const { at } = decision;
  const detail = decision.detail ?? {};
  switch (decision.state) {
    case 'sent': {
      const providerMessageId = decision.providerMessageId ?? undefined;
      return [
        outcome(facts, {
          status: 'sent',
          at,
          ...(providerMessageId ? { providerMessageId } : {}),
          detail,
        }),
        audit(facts, 'message.sent', at, null, { ...detail, providerMessageId }),
        ...deliveryEvent(facts, 'sent', at),
      ];
    }
    case 'failed':
    case 'unknown': {
      const failure = decision.state === 'unknown' ? { ...detail, unknownResult: true } : detail;
      return [
        outcome(facts, {
          status: 'failed',
          reason: 'PROVIDER_REJECTED',
          at,
          detail: failure,
        }),
        audit(facts, 'message.failed', at, 'PROVIDER_REJECTED', failure),
      ];
    }
    case 'cancelled':
      return [
        outcome(facts, { status: 'cancelled', reason: 'OPTED_OUT', at, detail }),
        audit(facts, 'message.cancelled', at, 'OPTED_OUT', detail),
      ];
    case 'blocked':
      return [
        outcome(facts, {
          status: 'blocked',
          reason: 'SUPPRESSED_UNDELIVERABLE',
          at,
          detail,
        }),
        audit(facts, 'message.blocked', at, 'SUPPRESSED_UNDELIVERABLE', detail),
      ];
  }
}

/**
 * The records a provider receipt gives (CONTRACT §1): `delivered`, or `failed` PROVIDER_REJECTED with the
 * receipt's status and error code. `undeliverable` also goes to validation's hygiene as a DeliveryEvent.
 */
export function receiptRecords(
  facts: MessageFacts,
  receipt: DeliveryReceipt,
  providerMessageId: string,
  at: Date,
): Emit[] {
  if (receipt.status === 'delivered') {
    return [
      outcome(facts, { status: 'delivered', at, providerMessageId }),
      audit(facts, 'message.delivered', at, null, { providerMessageId, receiptId: receipt.id }),
      ...deliveryEvent(facts, 'delivered', at),
    ];
  }
  const detail = {
    receiptStatus: receipt.status,
    ...(receipt.errorCode ? { errorCode: receipt.errorCode } : {}),
  };
  return [
    outcome(facts, {
      status: 'failed',
      reason: 'PROVIDER_REJECTED',
      at,
      providerMessageId,
      detail,
    }),
    audit(facts, 'message.failed', at, 'PROVIDER_REJECTED', {
      ...detail,
      providerMessageId,
      receiptId: receipt.id,
    }),
    ...deliveryEvent(facts, receipt.status === 'undeliverable' ? 'undeliverable' : 'failed', at),
  ];
}
