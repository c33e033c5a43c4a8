import type { AcceptedReceipt, Purpose, RecipientEvent, ReleasedItem, WorkMessage } from '@optline/domain';

export const AT = '2026-11-28T15:00:00Z';

/** A US mobile-looking number that differs per index. */
export function usNumber(index: number): string {
  return `+1212555${String(index).padStart(4, '0')}`;
}

/** The fake Twilio reads our message id back out of the body, between brackets. */
export function bodyFor(messageId: string): string {
  return `[${messageId}] Your order has shipped. Reply STOP to opt out.`;
}

export function workMessage(
  messageId: string,
  fields: Partial<WorkMessage> & { e164?: string } = {},
): WorkMessage {
  const { e164 = usNumber(1), ...rest } = fields;
  return {
    kind: 'request',
    messageId,
    tenantId: 'demo',
    purpose: 'transactional',
    recipient: {
      e164,
      region: 'US',
      numberType: 'MOBILE',
      zones: ['America/New_York'],
      subdivisions: ['NY'],
    },
    body: bodyFor(messageId),
    segments: 1,
    senderId: 'Optline Demo',
    timing: 'immediate',
    requestedAt: AT,
    acceptedAt: AT,
    ...rest,
  };
}

export function released(
  messageId: string,
  fields: Partial<WorkMessage> & { e164?: string } = {},
): ReleasedItem {
  return { message: workMessage(messageId, fields), releasedAt: AT };
}

export const releasedKey = (value: unknown) => {
  const { message } = value as ReleasedItem;
  return `${message.tenantId}:${message.recipient.e164}`;
};

export function consentChanged(
  e164: string,
  status: 'opted_in' | 'opted_out',
  fields: { purpose?: Purpose; tenantId?: string; at?: string; ledgerEventId?: string } = {},
): RecipientEvent {
  return {
    kind: 'consent_changed',
    tenantId: fields.tenantId ?? 'demo',
    e164,
    purpose: fields.purpose ?? 'transactional',
    status,
    cause: status === 'opted_out' ? 'keyword' : 'event',
    ledgerEventId: fields.ledgerEventId ?? `ledger-${status}-${e164}`,
    at: fields.at ?? new Date().toISOString(),
  };
}

export const recipientKey = (value: unknown) => {
  const event = value as RecipientEvent;
  return `${event.tenantId}:${event.e164}`;
};

export function acceptedReceipt(
  providerMessageId: string,
  status: AcceptedReceipt['value']['status'],
  fields: { tenantId?: string; errorCode?: string; id?: string } = {},
): AcceptedReceipt {
  return {
    receivedAt: new Date().toISOString(),
    value: {
      id: fields.id ?? `receipt-${providerMessageId}-${status}`,
      tenantId: fields.tenantId ?? 'demo',
      occurredAt: new Date().toISOString(),
      providerMessageId,
      status,
      ...(fields.errorCode ? { errorCode: fields.errorCode } : {}),
    },
  };
}

export const receiptKey = (value: unknown) => {
  const { value: receipt } = value as AcceptedReceipt;
  return `${receipt.tenantId}:${receipt.providerMessageId}`;
};
