import { TOPICS, type ValueOf } from '@optline/domain';
import { emit, toOutRecord } from '@optline/platform';

import { duplicateAudit, forwardErasure, forwardInput, forwardResume } from './forwarding';

const at = new Date('2026-11-28T10:00:01Z');
const base = { tenantId: 'demo', occurredAt: '2026-11-28T10:00:00Z' };

describe('forwarding', () => {
  it.each([
    ['contacts', { ...base, id: 'i1', externalId: 'c-1', phone: '+1' }, 'demo:c-1'],
    [
      'consents',
      { ...base, id: 'i2', phone: '0612', purpose: 'marketing', action: 'opt_out', method: 'api', proof: {} },
      'demo:0612',
    ],
    ['messages', { ...base, id: 'm-1', to: '+1', purpose: 'transactional', body: 'x' }, 'demo:m-1'],
    [
      'campaigns',
      { ...base, id: 'r-1', campaignId: 'spring', purpose: 'marketing', body: 'x', segment: {} },
      'demo:spring',
    ],
    ['inbound', { ...base, id: 'in-1', from: '+1555', to: '123', text: 'STOP' }, 'demo:+1555'],
    ['receipts', { ...base, id: 'rc-1', providerMessageId: 'pm-1', status: 'delivered' }, 'demo:pm-1'],
  ] as const)('keys %s by its subject', (topic, value, key) => {
    // The key on the input topic (as the HTTP API publishes it) and on the topic it is forwarded to.
    expect(toOutRecord(emit(topic, value as ValueOf<typeof topic>)).key).toBe(key);
    expect(toOutRecord(forwardInput(topic, value as ValueOf<typeof topic>, at)).key).toBe(key);
  });

  it('wraps inputs as AcceptedInput of their kind; receipts as AcceptedReceipt for delivery', () => {
    const message = { ...base, id: 'm-1', to: '+1', purpose: 'transactional' as const, body: 'x' };
    expect(toOutRecord(forwardInput('messages', message, at))).toEqual({
      topic: TOPICS.accepted.name,
      key: 'demo:m-1',
      value: { kind: 'message', receivedAt: '2026-11-28T10:00:01.000Z', value: message },
    });
    const receipt = { ...base, id: 'rc-1', providerMessageId: 'pm-1', status: 'delivered' as const };
    expect(toOutRecord(forwardInput('receipts', receipt, at))).toEqual({
      topic: TOPICS.acceptedReceipts.name,
      key: 'demo:pm-1',
      value: { receivedAt: '2026-11-28T10:00:01.000Z', value: receipt },
    });
  });

  it('forwards erasures to validation and resumes to scheduling', () => {
    expect(toOutRecord(forwardErasure({ ...base, id: 'e-1', phone: '+1212' }, at))).toMatchObject({
      topic: TOPICS.accepted.name,
      key: 'demo:+1212',
      value: { kind: 'erasure', value: { id: 'e-1' } },
    });
    expect(toOutRecord(forwardResume({ ...base, id: 'x-1', campaignId: 'spring' }, at))).toMatchObject({
      topic: TOPICS.campaignControl.name,
      key: 'demo:spring',
      value: { kind: 'resume', value: { campaignId: 'spring' } },
    });
  });

  it('gives each dropped duplicate its own deterministic audit id', () => {
    const value = { ...base, id: 'm-1', to: '+1', purpose: 'transactional' as const, body: 'x' };
    const first = duplicateAudit({ topic: 'messages', value, partition: 2, offset: '17' }, at);
    expect(first.value).toMatchObject({
      id: 'ingestion:optline.messages.v1/m-1:input.duplicate:2.17',
      action: 'input.duplicate',
      subject: { messageId: 'm-1' },
    });
    expect(toOutRecord(first).key).toBe('demo:m-1');
    const campaign = {
      ...base,
      id: 'r-1',
      campaignId: 'spring',
      purpose: 'marketing' as const,
      body: 'x',
      segment: {},
    };
    const again = duplicateAudit({ topic: 'campaigns', value: campaign, partition: 0, offset: '3' }, at);
    expect(toOutRecord(again).key).toBe('demo:r-1');
    expect(
      (duplicateAudit({ topic: 'messages', value, partition: 2, offset: '18' }, at).value as { id: string })
        .id,
    ).not.toBe((first.value as { id: string }).id);
  });
});
