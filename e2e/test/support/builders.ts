import { ago, now, uniqueId } from './stack';

export function contact(tenantId: string, phone: string, extra: Record<string, unknown> = {}) {
  const externalId = uniqueId('cust');
  return {
    id: uniqueId('contact'),
    tenantId,
    occurredAt: now(),
    externalId,
    phone,
    attributes: { name: 'Ada' },
    ...extra,
  };
}

export function optIn(tenantId: string, phone: string, extra: Record<string, unknown> = {}) {
  return {
    id: uniqueId('optin'),
    tenantId,
    occurredAt: ago(10),
    phone,
    purpose: 'marketing',
    action: 'opt_in',
    method: 'web_form',
    proof: { capturedAt: ago(10), formUrl: 'https://shop.example.com/sms', ipAddress: '203.0.113.9' },
    ...extra,
  };
}

export function optOut(tenantId: string, phone: string, extra: Record<string, unknown> = {}) {
  return {
    id: uniqueId('optout'),
    tenantId,
    occurredAt: ago(5),
    phone,
    purpose: 'marketing',
    action: 'opt_out',
    method: 'api',
    proof: {},
    ...extra,
  };
}

export function message(tenantId: string, to: string, extra: Record<string, unknown> = {}) {
  return {
    id: uniqueId('msg'),
    tenantId,
    occurredAt: now(),
    to,
    purpose: 'marketing',
    body: `Winter sale: 20% off today only (${uniqueId('offer')})`,
    ...extra,
  };
}

export function inbound(tenantId: string, from: string, text: string) {
  return { id: uniqueId('in'), tenantId, occurredAt: now(), from, to: 'OPTLINE', text };
}
