import { RULES_VERSION, type AuditEvent, type MessageOutcome } from '@optline/domain';

export function auditEvent(
  id: string,
  action: string,
  fields: Partial<Omit<AuditEvent, 'id' | 'action'>> = {},
): AuditEvent {
  return {
    id,
    tenantId: 'demo',
    at: '2026-11-28T10:00:00.000Z',
    service: 'scheduling',
    action,
    subject: {},
    ...fields,
    detail: { rulesVersion: RULES_VERSION, ...fields.detail },
  };
}

export function outcome(
  messageId: string,
  status: MessageOutcome['status'],
  fields: Partial<MessageOutcome> = {},
): MessageOutcome {
  return { messageId, tenantId: 'demo', status, at: '2026-11-28T10:00:00.000Z', ...fields };
}

/** A `consent.opt_in` / `consent.opt_out` event as consent writes it: the ledger event in the detail. */
export function consentAudit(
  ledgerEventId: string,
  phone: string,
  action: 'opt_in' | 'opt_out',
  occurredAt: string,
  fields: {
    purpose?: 'marketing' | 'transactional';
    tenantId?: string;
    proof?: Record<string, unknown>;
    expiresAt?: string;
  } = {},
): AuditEvent {
  return auditEvent(`consent:${ledgerEventId}:consent.${action}`, `consent.${action}`, {
    tenantId: fields.tenantId ?? 'demo',
    service: 'consent',
    at: occurredAt,
    subject: { phone },
    detail: {
      ledgerEventId,
      purpose: fields.purpose ?? 'marketing',
      action,
      method: action === 'opt_in' ? 'web_form' : 'keyword',
      proof:
        fields.proof ??
        (action === 'opt_in' ? { capturedAt: occurredAt, formUrl: 'https://shop.example/join' } : {}),
      occurredAt,
      ...(fields.expiresAt ? { expiresAt: fields.expiresAt } : {}),
      cause: action === 'opt_in' ? 'event' : 'keyword',
    },
  });
}

export const tenantKey = (value: unknown) => {
  const { tenantId, id, messageId } = value as { tenantId: string; id?: string; messageId?: string };
  return `${tenantId}:${id ?? messageId}`;
};
