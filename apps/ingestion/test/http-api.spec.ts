import { TOPICS } from '@optline/domain';

import { ACME_KEY, AUDITOR_KEY, IngestionHarness, SECOND_PRODUCER_KEY, sendRequest } from './harness';

jest.setTimeout(180000);

const consent = (extra: Record<string, unknown> = {}) => ({
  id: 'consent-1',
  occurredAt: '2026-11-28T10:00:00Z',
  phone: '+12125550123',
  purpose: 'marketing',
  action: 'opt_in',
  method: 'web_form',
  proof: { capturedAt: '2026-11-28T09:59:00Z', formUrl: 'https://example.com/join' },
  ...extra,
});

/** The producer HTTP API of a real ingestion process (CONTRACT §4). */
describe('ingestion HTTP API', () => {
  let h: IngestionHarness;

  beforeAll(async () => {
    h = await IngestionHarness.start('http', {
      OPTLINE_RATE_LIMIT_PER_SECOND: '50',
      OPTLINE_RATE_LIMIT_BURST: '60',
    });
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('answers 202 with the ids once Kafka has them, and the consumer forwards them like Kafka input', async () => {
    const single = await h.post('/v1/messages', sendRequest('http-1'));
    expect(single).toMatchObject({ status: 202, body: { accepted: ['http-1'] } });
    const many = await h.post('/v1/messages', [sendRequest('http-2'), sendRequest('http-3')]);
    expect(many).toMatchObject({ status: 202, body: { accepted: ['http-2', 'http-3'] } });
    const consents = await h.post('/v1/consents', consent());
    expect(consents.status).toBe(202);

    await h.probe.waitFor(
      () => ['http-1', 'http-2', 'http-3', 'consent-1'].every((id) => h.acceptedIds().includes(id)),
      60000,
      'forwarded',
    );
    const published = h.probe.records.find(
      (r) => r.topic === TOPICS.messages.name && (r.value as { id: string }).id === 'http-1',
    )!;
    expect(published.key).toBe('demo:http-1');
    expect(published.value).toEqual({ ...sendRequest('http-1'), tenantId: 'demo' });
    expect(h.accepted().find((input) => input.value.id === 'consent-1')).toMatchObject({
      kind: 'consent',
      value: { tenantId: 'demo' },
    });
  });

  it('answers a re-submitted id 202 again but forwards nothing (input.duplicate)', async () => {
    expect((await h.post('/v1/messages', sendRequest('again-1'))).status).toBe(202);
    expect(await h.post('/v1/messages', sendRequest('again-1', { body: 'second' }))).toMatchObject({
      status: 202,
      body: { accepted: ['again-1'] },
    });
    await h.probe.waitFor(
      () =>
        h
          .audits('input.duplicate')
          .some((a) => (a.subject as { messageId?: string }).messageId === 'again-1'),
      60000,
      'the drop',
    );
    expect(h.acceptedIds().filter((id) => id === 'again-1')).toHaveLength(1);
  });

  it.each<[string, unknown, string]>([
    ['not JSON', '{"id": ', '(root)'],
    ['a wrong type', sendRequest('bad-1', { to: 12125550123 }), 'to'],
    ['a missing field', { ...sendRequest('bad-2'), purpose: undefined }, 'purpose'],
    ['a tenantId in the body', sendRequest('bad-3', { tenantId: 'acme-eu' }), 'tenantId'],
    [
      'array item 3 bad',
      [sendRequest('arr-0'), sendRequest('arr-1'), sendRequest('arr-2'), sendRequest('arr-3', { to: '' })],
      '3.to',
    ],
    ['an array of 1001', Array.from({ length: 1001 }, (_, i) => sendRequest(`big-${i}`)), '(root)'],
    ['a body that is too long', sendRequest('bad-4', { body: 'x'.repeat(1601) }), 'body'],
    ['a bad enum', sendRequest('bad-5', { purpose: 'spam' }), 'purpose'],
    ['a bad timestamp', sendRequest('bad-6', { occurredAt: '28/11/2026 10:00' }), 'occurredAt'],
    ['an unknown field', sendRequest('bad-7', { colour: 'red' }), 'colour'],
  ])('400 for %s, naming %s', async (_, body, path) => {
    const response = await h.post('/v1/messages', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'validation_failed', message: expect.any(String) });
    expect((response.body.details as Array<{ path: string }>).map((detail) => detail.path)).toEqual([path]);
  });

  it('400 for an opt_in without proof.capturedAt', async () => {
    const response = await h.post(
      '/v1/consents',
      consent({ id: 'consent-2', proof: { formUrl: 'https://example.com' } }),
    );
    expect(response).toMatchObject({
      status: 400,
      body: { error: 'validation_failed', details: [{ path: 'proof.capturedAt' }] },
    });
  });

  it('accepts an array whole or not at all', async () => {
    await h.post('/v1/messages', sendRequest('sentinel-1'));
    await h.probe.waitFor(() => h.acceptedIds().includes('sentinel-1'), 60000, 'the sentinel');
    expect(
      h.probe
        .on<{ id: string }>(TOPICS.messages.name)
        .map((m) => m.id)
        .filter((id) => id.startsWith('arr-')),
    ).toEqual([]);
  });

  it('401 without a key, with an unknown key, or with an auditor key', async () => {
    for (const key of [null, 'no-such-key', AUDITOR_KEY]) {
      const response = await h.post('/v1/messages', sendRequest('k-1'), { key });
      expect(response).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    }
  });

  it('413 over the body limit, 415 for a body that is not JSON', async () => {
    const huge = JSON.stringify(sendRequest('huge', { body: 'x'.repeat(6 * 1024 * 1024) }));
    expect(await h.post('/v1/messages', huge)).toMatchObject({
      status: 413,
      body: { error: 'payload_too_large' },
    });
    expect(await h.post('/v1/messages', 'hello', { contentType: 'text/plain' })).toMatchObject({
      status: 415,
    });
  });

  it('429 with Retry-After when a key goes over its rate, other keys unaffected', async () => {
    const responses = await Promise.all(
      Array.from({ length: 120 }, () => h.post('/v1/messages', {}, { key: SECOND_PRODUCER_KEY })),
    );
    const limited = responses.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(responses.filter((response) => response.status === 400).length).toBeGreaterThan(0);
    for (const response of limited) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(response.body).toMatchObject({ error: 'too_many_requests' });
    }
    expect((await h.post('/v1/messages', sendRequest('other-key'), { key: ACME_KEY })).status).toBe(202);
  });

  it('takes erasures and campaign resumes, forwarding them with generated ids', async () => {
    const erasure = await h.post('/v1/erasures', { phone: '(212) 555-0123' });
    expect(erasure.status).toBe(202);
    const [erasureId] = erasure.body.accepted as string[];
    expect((await h.post('/v1/erasures', { phone: '+12125550123', email: 'x' })).body).toMatchObject({
      details: [{ path: 'email' }],
    });
    const resume = await h.post('/v1/campaigns/spring/resume', undefined);
    expect(resume.status).toBe(202);
    const [resumeId] = resume.body.accepted as string[];

    await h.probe.waitFor(
      () =>
        h.acceptedIds('erasure').includes(erasureId!) && h.probe.on(TOPICS.campaignControl.name).length === 1,
      60000,
      'forwarded',
    );
    expect(h.accepted().find((input) => input.value.id === erasureId)).toMatchObject({
      kind: 'erasure',
      value: { tenantId: 'demo', phone: '(212) 555-0123', occurredAt: expect.any(String) },
    });
    const control = h.probe.records.find((r) => r.topic === TOPICS.campaignControl.name)!;
    expect(control.key).toBe('demo:spring');
    expect(control.value).toMatchObject({
      kind: 'resume',
      value: { id: resumeId, tenantId: 'demo', campaignId: 'spring' },
    });
  });

  it('serves its OpenAPI document at /openapi.json and a UI at /docs', async () => {
    const document = (await (await fetch(`${h.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/messages',
        '/v1/contacts',
        '/v1/consents',
        '/v1/campaigns',
        '/v1/inbound',
        '/v1/receipts',
        '/v1/erasures',
        '/v1/campaigns/{campaignId}/resume',
        '/v1/contacts/import',
      ]),
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['MessageBody', 'ImportReport', 'ErrorBody']),
    );
    expect(JSON.stringify(document.paths['/v1/messages'])).toMatch(/still answered 202/);
    const docs = await fetch(`${h.url}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toMatch(/swagger/i);
  });
});
