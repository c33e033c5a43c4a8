import { TOPICS } from '@optline/domain';

import { IngestionHarness, sendRequest } from './harness';

jest.setTimeout(180000);

const withTenant = (value: Record<string, unknown>, tenantId = 'demo') => ({ ...value, tenantId });

/** The six input topics on the real broker: dead letters, idempotency across restarts, forwarding. */
describe('ingestion intake (Kafka)', () => {
  let h: IngestionHarness;

  beforeAll(async () => {
    h = await IngestionHarness.start('intake');
  });

  afterAll(async () => {
    await h?.stop();
  });

  it("dead-letters a malformed record and an unknown tenant's, and processes the record after them", async () => {
    await h.producer.send(
      TOPICS.messages.name,
      [
        '{not json',
        withTenant(sendRequest('dlq-1'), 'nobody'),
        withTenant(sendRequest('dlq-2', { purpose: 'spam' })),
        withTenant(sendRequest('after-dlq')),
      ],
      () => 'demo:same-partition',
    );
    await h.probe.waitFor(
      () => h.acceptedIds().includes('after-dlq'),
      60000,
      'the record after the bad ones',
    );
    const letters = h.probe.on<{
      reason: string;
      errors: Array<{ path: string }>;
      topic: string;
      value: string;
    }>(TOPICS.dlq.name);
    expect(letters.map((letter) => [letter.reason, letter.errors[0]?.path])).toEqual([
      ['MALFORMED', '(root)'],
      ['UNKNOWN_TENANT', 'tenantId'],
      ['MALFORMED', 'purpose'],
    ]);
    expect(letters[0]).toMatchObject({ topic: h.names.actual(TOPICS.messages.name), value: '{not json' });
    expect(h.acceptedIds()).not.toContain('dlq-1');
  });

  it('forwards every input topic as its kind, keyed per subject; receipts go to delivery', async () => {
    const at = '2026-11-28T10:00:00Z';
    await h.producer.send(TOPICS.contacts.name, [
      withTenant({ id: 'same-id', occurredAt: at, externalId: 'c-1', phone: '+12125550101' }),
    ]);
    await h.producer.send(TOPICS.consents.name, [
      withTenant({
        id: 'k-1',
        occurredAt: at,
        phone: '+12125550101',
        purpose: 'marketing',
        action: 'opt_out',
        method: 'api',
        proof: {},
      }),
    ]);
    await h.producer.send(TOPICS.messages.name, [withTenant(sendRequest('same-id'))]);
    await h.producer.send(TOPICS.campaigns.name, [
      withTenant({
        id: 'cr-1',
        occurredAt: at,
        campaignId: 'spring',
        purpose: 'marketing',
        body: 'Sale',
        segment: { tagsAny: ['vip'] },
      }),
    ]);
    await h.producer.send(TOPICS.inbound.name, [
      withTenant({ id: 'in-1', occurredAt: at, from: '+12125550101', to: '12345', text: 'STOP' }),
    ]);
    await h.producer.send(TOPICS.receipts.name, [
      withTenant({ id: 'r-1', occurredAt: at, providerMessageId: 'pm-1', status: 'delivered' }),
    ]);

    await h.probe.waitFor(
      () => h.accepted().length >= 6 && h.probe.on(TOPICS.acceptedReceipts.name).length === 1,
      60000,
      'every forwarded input',
    );
    const byKind = (kind: string) =>
      h.probe.records.filter(
        (r) => r.topic === TOPICS.accepted.name && (r.value as { kind: string }).kind === kind,
      );
    expect(byKind('contact').map((r) => r.key)).toEqual(['demo:c-1']);
    expect(byKind('consent').map((r) => r.key)).toEqual(['demo:+12125550101']);
    expect(byKind('message').map((r) => r.key)).toContain('demo:same-id');
    expect(byKind('campaign').map((r) => r.key)).toEqual(['demo:spring']);
    expect(byKind('inbound').map((r) => r.key)).toEqual(['demo:+12125550101']);
    expect(byKind('contact')[0]!.value).toEqual({
      kind: 'contact',
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      value: { id: 'same-id', tenantId: 'demo', occurredAt: at, externalId: 'c-1', phone: '+12125550101' },
    });
    const receipt = h.probe.records.find((r) => r.topic === TOPICS.acceptedReceipts.name)!;
    expect(receipt.key).toBe('demo:pm-1');
    expect(receipt.value).toMatchObject({
      receivedAt: expect.any(String),
      value: { id: 'r-1', providerMessageId: 'pm-1' },
    });
    // The same id on two topics is two inputs: idempotency is per tenant and topic.
    expect(h.audits('input.duplicate')).toEqual([]);
  });

  it('drops a re-submitted id with input.duplicate, across restarts, until the retention window forgets it', async () => {
    await h.producer.send(
      TOPICS.messages.name,
      [withTenant(sendRequest('dup-1')), withTenant(sendRequest('dup-1', { body: 'changed' }))],
      () => 'demo:dup-1',
    );
    await h.probe.waitFor(() => h.audits('input.duplicate').length === 1, 60000, 'the duplicate drop');
    expect(h.acceptedIds().filter((id) => id === 'dup-1')).toHaveLength(1);
    expect(h.accepted().find((input) => input.value.id === 'dup-1')!.value.body).toBe('Your code is 1234');
    expect(h.audits('input.duplicate')[0]).toMatchObject({
      tenantId: 'demo',
      service: 'ingestion',
      subject: { messageId: 'dup-1' },
      detail: { inputId: 'dup-1', topic: TOPICS.messages.name, rulesVersion: expect.any(String) },
    });

    // The store is PostgreSQL: a restarted ingestion still knows the id.
    await h.service.stop('SIGTERM');
    await h.startService();
    await h.producer.send(
      TOPICS.messages.name,
      [withTenant(sendRequest('dup-1')), withTenant(sendRequest('fresh-1'))],
      () => 'demo:dup-1',
    );
    await h.probe.waitFor(
      () => h.audits('input.duplicate').length === 2 && h.acceptedIds().includes('fresh-1'),
      60000,
      'the second drop',
    );
    expect(h.acceptedIds().filter((id) => id === 'dup-1')).toHaveLength(1);

    // Ids are remembered for the retention window only (here about 1 s, pruned every 0.3 s).
    await h.service.stop('SIGTERM');
    await h.startService({
      OPTLINE_IDEMPOTENCY_RETENTION_DAYS: '0.00001',
      OPTLINE_IDEMPOTENCY_PRUNE_MINUTES: '0.005',
    });
    const stored = async () =>
      (
        await h.query<{ n: number }>('select count(*)::int as n from input_ids where input_id = $1', [
          'dup-1',
        ])
      )[0]!.n;
    for (let tries = 0; (await stored()) > 0; tries++) {
      if (tries > 100) throw new Error('dup-1 was never pruned');
      await new Promise((done) => setTimeout(done, 100));
    }
    await h.producer.send(TOPICS.messages.name, [withTenant(sendRequest('dup-1'))], () => 'demo:dup-1');
    await h.probe.waitFor(
      () => h.acceptedIds().filter((id) => id === 'dup-1').length === 2,
      60000,
      'dup-1 accepted again',
    );
    expect(h.audits('input.duplicate')).toHaveLength(2);
  });
});
