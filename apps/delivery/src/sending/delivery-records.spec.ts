import { AuditEvent, DeliveryEvent, MessageOutcome, RULES_VERSION, TOPICS } from '@optline/domain';

import { toOutRecord } from '@optline/platform';

import {
  decisionRecords as decisionEmits,
  receiptRecords as receiptEmits,
  type MessageFacts,
} from './delivery-records';

// As produced: contract topic names and the keys that follow from each topic.
const decisionRecords = (...args: Parameters<typeof decisionEmits>) =>
  decisionEmits(...args).map(toOutRecord);
const receiptRecords = (...args: Parameters<typeof receiptEmits>) => receiptEmits(...args).map(toOutRecord);

const facts: MessageFacts = {
  tenantId: 'demo',
  messageId: 'm1',
  e164: '+12125550123',
  purpose: 'marketing',
  kind: 'request',
  campaignId: 'c1',
  provider: 'twilio',
};
const at = new Date('2026-11-28T10:00:00Z');

function byTopic(records: Array<{ topic: string; value: unknown }>) {
  return Object.fromEntries(records.map((r) => [r.topic, r.value])) as Record<
    string,
    Record<string, unknown>
  >;
}

describe('decisionRecords', () => {
  it('reports a send: sent outcome with provider id and number, audit, and a sent DeliveryEvent', () => {
    const records = decisionRecords(facts, {
      state: 'sent',
      at,
      providerMessageId: 'SM1',
      detail: { attempts: 1 },
    });
    const out = byTopic(records);
    expect(out[TOPICS.outcomes.name]).toMatchObject({
      status: 'sent',
      providerMessageId: 'SM1',
      to: '+12125550123',
      campaignId: 'c1',
    });
    expect(out[TOPICS.audit.name]).toMatchObject({
      id: 'delivery:m1:message.sent',
      action: 'message.sent',
      subject: { messageId: 'm1', phone: '+12125550123', campaignId: 'c1' },
      detail: { rulesVersion: RULES_VERSION, providerMessageId: 'SM1' },
    });
    expect(out[TOPICS.deliveryEvents.name]).toMatchObject({
      status: 'sent',
      e164: '+12125550123',
      purpose: 'marketing',
    });
    expect(records.find((r) => r.topic === TOPICS.deliveryEvents.name)?.key).toBe('demo:+12125550123');
    for (const record of records) {
      const schema =
        record.topic === TOPICS.outcomes.name
          ? MessageOutcome
          : record.topic === TOPICS.audit.name
            ? AuditEvent
            : DeliveryEvent;
      expect(schema.safeParse(record.value).success).toBe(true);
    }
  });

  it('reports an unknown result as failed PROVIDER_REJECTED marked unknownResult', () => {
    const out = byTopic(decisionRecords(facts, { state: 'unknown', at, detail: { provider: 'twilio' } }));
    expect(out[TOPICS.outcomes.name]).toMatchObject({
      status: 'failed',
      reason: 'PROVIDER_REJECTED',
      detail: { unknownResult: true },
    });
    expect(out[TOPICS.audit.name]).toMatchObject({ action: 'message.failed', reason: 'PROVIDER_REJECTED' });
    expect(out[TOPICS.deliveryEvents.name]).toBeUndefined();
  });

  it('reports last-moment cancellations and blocks', () => {
    expect(byTopic(decisionRecords(facts, { state: 'cancelled', at }))[TOPICS.outcomes.name]).toMatchObject({
      status: 'cancelled',
      reason: 'OPTED_OUT',
    });
    const blocked = byTopic(decisionRecords(facts, { state: 'blocked', at }));
    expect(blocked[TOPICS.outcomes.name]).toMatchObject({
      status: 'blocked',
      reason: 'SUPPRESSED_UNDELIVERABLE',
    });
    expect(blocked[TOPICS.audit.name]).toMatchObject({ action: 'message.blocked' });
  });

  it('leaves the number out once it is erased', () => {
    const records = decisionRecords(
      { ...facts, e164: null },
      { state: 'sent', at, providerMessageId: 'SM1' },
    );
    expect(records.map((r) => r.topic)).toEqual([TOPICS.outcomes.name, TOPICS.audit.name]);
    expect(byTopic(records)[TOPICS.outcomes.name]?.to).toBeUndefined();
  });
});

describe('receiptRecords', () => {
  const receipt = { id: 'r1', tenantId: 'demo', occurredAt: at.toISOString(), providerMessageId: 'SM1' };

  it('turns delivered into the delivered outcome', () => {
    const out = byTopic(receiptRecords(facts, { ...receipt, status: 'delivered' }, 'SM1', at));
    expect(out[TOPICS.outcomes.name]).toMatchObject({ status: 'delivered', providerMessageId: 'SM1' });
    expect(out[TOPICS.audit.name]).toMatchObject({ id: 'delivery:m1:message.delivered' });
  });

  it('turns undeliverable into failed with the receipt status and an undeliverable DeliveryEvent', () => {
    const out = byTopic(
      receiptRecords(facts, { ...receipt, status: 'undeliverable', errorCode: '30003' }, 'SM1', at),
    );
    expect(out[TOPICS.outcomes.name]).toMatchObject({
      status: 'failed',
      reason: 'PROVIDER_REJECTED',
      detail: { receiptStatus: 'undeliverable', errorCode: '30003' },
    });
    expect(out[TOPICS.deliveryEvents.name]).toMatchObject({ status: 'undeliverable' });
  });
});
