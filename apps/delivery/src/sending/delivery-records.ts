import {
  TOPICS,
  type DeliveryEvent,
  type DeliveryReceipt,
  type MessageOutcome,
  type Purpose,
  type ReasonCode,
} from '@optline/domain';
import { auditRecord, type OutRecord } from '@optline/platform';

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

function outcome(facts: MessageFacts, fields: Omit<MessageOutcome, 'messageId' | 'tenantId'>): OutRecord {
  const value: MessageOutcome = {
    messageId: facts.messageId,
    tenantId: facts.tenantId,
    ...(facts.campaignId ? { campaignId: facts.campaignId } : {}),
    ...(facts.e164 ? { to: facts.e164 } : {}),
    ...fields,
  };
  return { topic: TOPICS.outcomes.name, key: `${facts.tenantId}:${facts.messageId}`, value };
}

function audit(
  facts: MessageFacts,
  action: AuditAction,
  at: Date,
  reason: string | null | undefined,
  detail: Record<string, unknown>,
): OutRecord {
  return auditRecord('delivery', {
    subjectId: facts.messageId,
    tenantId: facts.tenantId,
    at,
    action,
    subject: {
      messageId: facts.messageId,
      ...(facts.e164 ? { phone: facts.e164 } : {}),
      ...(facts.campaignId ? { campaignId: facts.campaignId } : {}),
    },
    ...(reason ? { reason: reason as ReasonCode } : {}),
    detail: { provider: facts.provider, purpose: facts.purpose, kind: facts.kind, ...detail },
  });
}

function deliveryEvent(facts: MessageFacts, status: DeliveryEvent['status'], at: Date): OutRecord[] {
  // An erased number has nothing left for hygiene to count.
  if (!facts.e164) return [];
  const value: DeliveryEvent = {
    tenantId: facts.tenantId,
    e164: facts.e164,
    messageId: facts.messageId,
    purpose: facts.purpose,
    ...(facts.campaignId ? { campaignId: facts.campaignId } : {}),
    status,
    at: at.toISOString(),
  };
  return [{ topic: TOPICS.deliveryEvents.name, key: `${facts.tenantId}:${facts.e164}`, value }];
}

/**
 * The records one decision at delivery gives: its outcome (CONTRACT §1), its audit event, and for a send the
 * DeliveryEvent validation counts for the sunset rule. An unknown result is reported `failed` with
 * `detail.unknownResult`: the contract has no "unknown" status, and claiming `sent` without the provider's word
 * would count a text that may never have gone; it is never sent again either way.
 */
export function decisionRecords(facts: MessageFacts, decision: DeliveryDecision): OutRecord[] {
  const { at } = decision;
  const detail = decision.detail ?? {};
  switch (decision.state) {
    case 'sent': {
      const providerMessageId = decision.providerMessageId ?? undefined;
      return [
        outcome(facts, {
          status: 'sent',
          at: at.toISOString(),
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
          at: at.toISOString(),
          detail: failure,
        }),
        audit(facts, 'message.failed', at, 'PROVIDER_REJECTED', failure),
      ];
    }
    case 'cancelled':
      return [
        outcome(facts, { status: 'cancelled', reason: 'OPTED_OUT', at: at.toISOString(), detail }),
        audit(facts, 'message.cancelled', at, 'OPTED_OUT', detail),
      ];
    case 'blocked':
      return [
        outcome(facts, {
          status: 'blocked',
          reason: 'SUPPRESSED_UNDELIVERABLE',
          at: at.toISOString(),
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
): OutRecord[] {
  if (receipt.status === 'delivered') {
    return [
      outcome(facts, { status: 'delivered', at: at.toISOString(), providerMessageId }),
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
      at: at.toISOString(),
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
