import { AuditEvent, MessageOutcome, RULES_VERSION } from '@optline/domain';

import { auditRecord, outcomeRecord } from './decision-records';

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
    expect(record.key).toBe('demo:m1');
    expect(AuditEvent.parse(record.value)).toMatchObject({
      id: 'scheduling:m1:message.deferred:2',
      service: 'scheduling',
      reason: 'QUIET_HOURS',
      detail: { scheduledFor: '2026-11-28T13:00:00Z', rulesVersion: RULES_VERSION },
    });
  });

  it('keys events without a message by campaign, then phone, then subject id', () => {
    const base = { tenantId: 'demo', at, action: 'campaign.paused', subjectId: 's' };
    expect(
      auditRecord('scheduling', { ...base, subject: { campaignId: 'c1', phone: '+12125550123' } }).key,
    ).toBe('demo:c1');
    expect(auditRecord('consent', { ...base, subject: { phone: '+12125550123' } }).key).toBe(
      'demo:+12125550123',
    );
    expect(auditRecord('consent', { ...base, subject: {} }).key).toBe('demo:s');
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
    expect(outcomeRecord(outcome)).toEqual({ topic: 'optline.outcomes.v1', key: 'demo:m1', value: outcome });
  });
});
