/** The trail the browser tests look at, produced to Kafka as the services would write it (tenant demo). */
import { RULES_VERSION, type AuditEvent, type MessageOutcome } from '@optline/domain';

export const NUMBER = '+12125550123';
export const ERASED_NUMBER = '+12125550177';
export const CAMPAIGN = 'spring-sale';
export const BLOCKED_MESSAGE = 'order-1042';
export const DEFERRED_MESSAGE = `${CAMPAIGN}:cust-1`;
export const OPT_IN_AT = '2026-01-01T09:00:00.000Z';
export const STOP_AT = '2026-06-01T09:00:00.000Z';
export const PROOF = {
  capturedAt: OPT_IN_AT,
  formUrl: 'https://shop.example/join',
  ipAddress: '203.0.113.7',
};

function event(id: string, action: string, fields: Partial<AuditEvent>): AuditEvent {
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

function outcome(
  messageId: string,
  status: MessageOutcome['status'],
  fields: Partial<MessageOutcome>,
): MessageOutcome {
  return {
    messageId,
    tenantId: 'demo',
    status,
    at: '2026-11-28T10:00:00.000Z',
    ...fields,
    detail: { rulesVersion: RULES_VERSION, ...fields.detail },
  };
}

/** The number opted in on a web form, then texted STOP; a marketing message after that is blocked. */
function consentStory(): { events: AuditEvent[]; outcomes: MessageOutcome[] } {
  const subject = { messageId: BLOCKED_MESSAGE, phone: NUMBER };
  const ledger = (id: string, action: 'opt_in' | 'opt_out', at: string, method: string, proof: object) =>
    event(`consent:${id}:consent.${action}`, `consent.${action}`, {
      service: 'consent',
      at,
      subject: { phone: NUMBER },
      detail: {
        ledgerEventId: id,
        purpose: 'marketing',
        action,
        method,
        proof,
        occurredAt: at,
        cause: 'event',
      },
    });
  return {
    events: [
      ledger('c-in', 'opt_in', OPT_IN_AT, 'web_form', PROOF),
      event('consent:inbound-7:reply.received', 'reply.received', {
        service: 'consent',
        at: STOP_AT,
        subject: { phone: NUMBER },
        detail: { classification: 'STOP', keyword: 'STOP' },
      }),
      ledger('c-stop', 'opt_out', STOP_AT, 'keyword', { capturedAt: STOP_AT, messageText: 'STOP' }),
      event(`validation:${BLOCKED_MESSAGE}:message.received`, 'message.received', {
        service: 'validation',
        at: '2026-07-02T14:00:00.000Z',
        subject,
        detail: { purpose: 'marketing', kind: 'request' },
      }),
      event(`consent:${BLOCKED_MESSAGE}:consent.checked`, 'consent.checked', {
        service: 'consent',
        at: '2026-07-02T14:00:01.000Z',
        subject,
        reason: 'OPTED_OUT',
        detail: { purpose: 'marketing', status: 'opted_out', ledgerEventId: 'c-stop' },
      }),
      event(`consent:${BLOCKED_MESSAGE}:message.blocked`, 'message.blocked', {
        service: 'consent',
        at: '2026-07-02T14:00:01.000Z',
        subject,
        reason: 'OPTED_OUT',
        detail: { purpose: 'marketing', ledgerEventId: 'c-stop' },
      }),
      event('consent:erasure-1:number.erased', 'number.erased', {
        service: 'consent',
        at: '2026-08-01T00:00:00.000Z',
        subject: { phone: ERASED_NUMBER },
        detail: { requestId: 'erasure-1' },
      }),
    ],
    outcomes: [
      outcome(BLOCKED_MESSAGE, 'blocked', {
        to: NUMBER,
        reason: 'OPTED_OUT',
        at: '2026-07-02T14:00:01.000Z',
      }),
    ],
  };
}

/**
 * A campaign of 12 messages over two hours: some deferred for quiet hours then sent, some blocked by the cap,
 * one cancelled; one opt-out and one complaint.
 */
function campaignStory(): { events: AuditEvent[]; outcomes: MessageOutcome[] } {
  const events: AuditEvent[] = [];
  const outcomes: MessageOutcome[] = [];
  for (let i = 1; i <= 12; i++) {
    const messageId = `${CAMPAIGN}:cust-${i}`;
    const subject = { messageId, campaignId: CAMPAIGN, phone: `+1212555${String(2000 + i)}` };
    const base = { campaignId: CAMPAIGN, to: subject.phone };
    events.push(
      event(`validation:${messageId}:message.received`, 'message.received', {
        service: 'validation',
        at: '2026-11-28T01:30:00.000Z',
        subject,
        detail: { purpose: 'marketing', kind: 'campaign' },
      }),
    );
    if (i <= 4) {
      const scheduledFor = '2026-11-28T13:00:00.000Z';
      events.push(
        event(`scheduling:${messageId}:message.deferred:1`, 'message.deferred', {
          at: '2026-11-28T02:10:00.000Z',
          subject,
          reason: 'QUIET_HOURS',
          detail: { purpose: 'marketing', kind: 'campaign', scheduledFor, jurisdictions: ['US', 'US-NY'] },
        }),
      );
      outcomes.push(
        outcome(messageId, 'deferred', {
          ...base,
          reason: 'QUIET_HOURS',
          at: '2026-11-28T02:10:00.000Z',
          scheduledFor,
        }),
      );
    }
    if (i >= 9 && i <= 11) {
      events.push(
        event(`scheduling:${messageId}:message.blocked`, 'message.blocked', {
          at: '2026-11-28T13:05:00.000Z',
          subject,
          reason: i === 11 ? 'DUPLICATE_CONTENT' : 'FREQUENCY_CAP',
          detail: { purpose: 'marketing' },
        }),
      );
      outcomes.push(
        outcome(messageId, 'blocked', {
          ...base,
          reason: i === 11 ? 'DUPLICATE_CONTENT' : 'FREQUENCY_CAP',
          at: '2026-11-28T13:05:00.000Z',
        }),
      );
    } else if (i === 12) {
      outcomes.push(
        outcome(messageId, 'cancelled', { ...base, reason: 'OPTED_OUT', at: '2026-11-28T13:06:00.000Z' }),
      );
    } else {
      const at = i <= 4 ? '2026-11-28T13:02:00.000Z' : '2026-11-28T14:20:00.000Z';
      events.push(
        event(`scheduling:${messageId}:message.released`, 'message.released', { at, subject }),
        event(`delivery:${messageId}:message.sent`, 'message.sent', {
          service: 'delivery',
          at,
          subject,
          detail: { provider: 'simulator', providerMessageId: `SM${i}` },
        }),
      );
      outcomes.push(
        outcome(messageId, 'sent', { ...base, at, providerMessageId: `SM${i}` }),
        outcome(messageId, i === 3 ? 'failed' : 'delivered', { ...base, at: '2026-11-28T14:30:00.000Z' }),
      );
    }
  }
  events.push(
    event('consent:inbound-31:campaign.opt_out', 'campaign.opt_out', {
      at: '2026-11-28T15:00:00.000Z',
      subject: { campaignId: CAMPAIGN },
    }),
    event('consent:inbound-32:campaign.complaint', 'campaign.complaint', {
      at: '2026-11-28T15:01:00.000Z',
      subject: { campaignId: CAMPAIGN },
    }),
  );
  return { events, outcomes };
}

export function seed(): { events: AuditEvent[]; outcomes: MessageOutcome[] } {
  const consent = consentStory();
  const campaign = campaignStory();
  return {
    events: [...consent.events, ...campaign.events],
    outcomes: [...consent.outcomes, ...campaign.outcomes],
  };
}

/** Every event of the seed, for waiting until the trail holds them all. */
export const SEEDED_EVENTS = seed().events.length;
