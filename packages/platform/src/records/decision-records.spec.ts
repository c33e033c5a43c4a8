import { AuditEvent, MessageOutcome, RULES_VERSION } from '@optline/domain';

import { toOutRecord } from '../kafka/emit';
import { auditRecord, messageOutcome, messageSubject, outcomeRecord } from './decision-records';

describe(auditRecord.name, () => {
  const at = new Date('2026-11-28T10:00:00Z');

  it('builds a contract-valid event with a deterministic id, the rules version and a subject key', () => {
    const record = auditRecord('scheduling', {
      subjectId: 'm1',
      tenantId: 'demo',
      at,
      action: 'message.deferred',
      subject: { messageId: 'm1', phone: '+12125550123' },
      reason: 'QUIET_HOURS',
      sequence: 2,
      detail: { scheduledFor: '2026-11-28T13:00:00Z', rulesVersion: 'stale' },
    });
    expect(record.topic).toBe('audit');
    expect(toOutRecord(record).key).toBe('demo:m1');
    expect(AuditEvent.parse(record.value)).toMatchObject({
      id: 'scheduling:m1:message.deferred:2',
      service: 'scheduling',
      reason: 'QUIET_HOURS',
      detail: { scheduledFor: '2026-11-28T13:00:00Z', rulesVersion: RULES_VERSION },
    });
  });

  it('keys events without a message by campaign, then phone, then subject id', () => {
    const base = { tenantId: 'demo', at, action: 'campaign.paused', subjectId: 's' };
    const key = (record: ReturnType<typeof auditRecord>) => toOutRecord(record).key;
    expect(
      key(auditRecord('scheduling', { ...base, subject: { campaignId: 'c1', phone: '+12125550123' } })),
    ).toBe('demo:c1');
    expect(key(auditRecord('consent', { ...base, subject: { phone: '+12125550123' } }))).toBe(
      'demo:+12125550123',
    );
    expect(key(auditRecord('consent', { ...base, subject: {} }))).toBe('demo:s');
    expect(key(auditRecord('consent', { ...base, subjectId: 'a:b', subject: {}, sequence: 3 }))).toBe(
      'demo:a:b',
    );
  });

  it('keys an event about an input by the input id, and auditor queries by tenant', () => {
    const base = { tenantId: 'demo', at, subject: { campaignId: 'c1' } };
    const duplicate = auditRecord('ingestion', {
      ...base,
      subjectId: 'optline.campaigns.v1/r1',
      action: 'input.duplicate',
      sequence: '0.7',
      detail: { inputId: 'r1' },
    });
    expect(duplicate.value.id).toBe('ingestion:optline.campaigns.v1/r1:input.duplicate:0.7');
    expect(toOutRecord(duplicate).key).toBe('demo:r1');
    const query = auditRecord('audit', {
      ...base,
      subjectId: 'q1',
      action: 'auditor.query',
      subject: { phone: '+12125550123' },
    });
    expect(toOutRecord(query).key).toBe('demo:auditor.query');
  });
});

describe(outcomeRecord.name, () => {
  it('keys an outcome by tenant and message', () => {
    const outcome: MessageOutcome = {
      messageId: 'm1',
      tenantId: 'demo',
      status: 'sent',
      at: '2026-11-28T10:00:00Z',
    };
    expect(toOutRecord(outcomeRecord(outcome))).toEqual({
      topic: 'optline.outcomes.v1',
      key: 'demo:m1',
      value: { ...outcome, detail: { rulesVersion: RULES_VERSION } },
    });
  });
});

describe(messageOutcome.name, () => {
  it('leaves out absent facts and names the rules version', () => {
    const message = { messageId: 'm1', tenantId: 'demo', campaignId: null, to: '+12125550123' };
    const at = new Date('2026-11-28T10:00:00Z');
    const out = messageOutcome(message, { status: 'blocked', reason: 'OPTED_OUT', at, detail: { a: 1 } });
    expect(MessageOutcome.parse(out.value)).toEqual({
      messageId: 'm1',
      tenantId: 'demo',
      status: 'blocked',
      reason: 'OPTED_OUT',
      to: '+12125550123',
      at: '2026-11-28T10:00:00.000Z',
      detail: { a: 1, rulesVersion: RULES_VERSION },
    });
    expect(messageSubject({ ...message, to: null, campaignId: 'c1' })).toEqual({
      messageId: 'm1',
      campaignId: 'c1',
    });
  });
});
