import type {
  ConsentEvent,
  InboundSms,
  Purpose,
  Recipient,
  ScreenedItem,
  WorkMessage,
} from '@optline/domain';

/*
 * Values of consent's input topic (internal.screened.v1) as validation would write them, so consent is tested
 * without ingestion and validation running.
 */

export const TENANT = 'demo';

let sequence = 0;
/** An id unique within the test run. */
export function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${Date.now().toString(36)}-${sequence}`;
}

export function recipient(e164: string, overrides: Partial<Recipient> = {}): Recipient {
  return {
    e164,
    region: 'US',
    numberType: 'MOBILE',
    zones: ['America/New_York'],
    subdivisions: ['NY'],
    ...overrides,
  };
}

export function workMessage(e164: string, overrides: Partial<WorkMessage> = {}): WorkMessage {
  const now = new Date().toISOString();
  return {
    kind: 'request',
    messageId: nextId('m'),
    tenantId: TENANT,
    purpose: 'marketing',
    recipient: recipient(e164),
    body: 'Optline Demo: 20% off this weekend. Reply STOP to opt out',
    segments: 1,
    senderId: 'Optline Demo',
    timing: 'immediate',
    requestedAt: now,
    acceptedAt: now,
    ...overrides,
  };
}

export function screenedMessage(message: WorkMessage): ScreenedItem {
  return { kind: 'message', message };
}

export function consentEvent(
  phone: string,
  action: 'opt_in' | 'opt_out',
  occurredAt: Date,
  overrides: Partial<ConsentEvent> = {},
): ConsentEvent {
  return {
    id: nextId('c'),
    tenantId: TENANT,
    occurredAt: occurredAt.toISOString(),
    phone,
    purpose: 'marketing' as Purpose,
    action,
    method: 'web_form',
    proof:
      action === 'opt_in'
        ? {
            capturedAt: occurredAt.toISOString(),
            formUrl: 'https://shop.example/sms-signup',
            ipAddress: '198.51.100.7',
          }
        : {},
    ...overrides,
  };
}

export function screenedConsent(e164: string, event: ConsentEvent): ScreenedItem {
  return { kind: 'consent', e164, receivedAt: new Date().toISOString(), event };
}

export function inboundSms(from: string, text: string, overrides: Partial<InboundSms> = {}): InboundSms {
  return {
    id: nextId('in'),
    tenantId: TENANT,
    occurredAt: new Date().toISOString(),
    from,
    to: '+15550000000',
    text,
    ...overrides,
  };
}

export function screenedInbound(
  e164: string,
  inbound: InboundSms,
  overrides: Partial<Recipient> = {},
): ScreenedItem {
  return {
    kind: 'inbound',
    recipient: recipient(e164, overrides),
    receivedAt: new Date().toISOString(),
    inbound,
  };
}

export function screenedErasure(e164: string, requestId = nextId('erase')): ScreenedItem {
  return { kind: 'erasure', tenantId: TENANT, e164, requestId, at: new Date().toISOString() };
}

/** The key validation gives every screened item: `tenantId:e164`. */
export function screenedKey(item: unknown): string {
  const value = item as ScreenedItem;
  switch (value.kind) {
    case 'message':
      return `${value.message.tenantId}:${value.message.recipient.e164}`;
    case 'consent':
      return `${value.event.tenantId}:${value.e164}`;
    case 'inbound':
      return `${value.inbound.tenantId}:${value.recipient.e164}`;
    case 'erasure':
      return `${value.tenantId}:${value.e164}`;
  }
}
