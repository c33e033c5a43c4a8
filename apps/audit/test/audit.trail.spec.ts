import { maskPhone, type AuditEvent, type MessageOutcome } from '@optline/domain';

import { auditEvent, consentAudit, outcome } from './builders';
import { AuditHarness, KEYS, type StoredEvent } from './support';

jest.setTimeout(120000);

const NUMBER = '+12125550123';
const ENCODED = encodeURIComponent(NUMBER);

describe('audit trail and auditor API, on the real broker and database', () => {
  const harness = new AuditHarness();

  beforeAll(() => harness.setUp('audit_trail'));
  afterAll(() => harness.tearDown());

  it("a message's timeline: oldest first, each decision with its rules version, no clear number; other tenants get 404", async () => {
    // Produced out of order and with a duplicate, as services replaying would.
    const sent = auditEvent('delivery:m1:message.sent', 'message.sent', {
      service: 'delivery',
      at: '2026-11-28T10:00:03.000Z',
      subject: { messageId: 'm1', phone: NUMBER },
      detail: { providerMessageId: 'SM1', note: `sent to ${NUMBER}` },
    });
    const received = auditEvent('validation:m1:message.received', 'message.received', {
      service: 'validation',
      at: '2026-11-28T10:00:01.000Z',
      subject: { messageId: 'm1', phone: NUMBER },
      detail: { purpose: 'transactional', kind: 'request' },
    });
    const releasedEvent = auditEvent('scheduling:m1:message.released', 'message.released', {
      at: '2026-11-28T10:00:02.000Z',
      subject: { messageId: 'm1' },
    });
    await harness.produceEvents([sent, received, releasedEvent, sent]);
    await harness.produceOutcomes([
      outcome('m1', 'sent', { to: NUMBER, providerMessageId: 'SM1', at: '2026-11-28T10:00:03.000Z' }),
    ]);

    const answer = await harness.until(
      '/v1/audit/messages/m1',
      (a) => a.status === 200 && a.body.events.length === 3 && a.body.outcomes.length === 1,
      'timeline of m1',
    );
    expect(answer.body.events.map((e: StoredEvent) => e.action)).toEqual([
      'message.received',
      'message.released',
      'message.sent',
    ]);
    for (const event of answer.body.events) expect(event.detail.rulesVersion).toEqual(expect.any(String));
    expect(answer.body.events[2].subject).toEqual({
      messageId: 'm1',
      phoneMasked: maskPhone(NUMBER),
      phoneFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(answer.body.events[2].detail.note).toBe(`sent to ${maskPhone(NUMBER)}`);
    expect(answer.body.outcomes[0]).toMatchObject({
      status: 'sent',
      toMasked: maskPhone(NUMBER),
      providerMessageId: 'SM1',
    });
    expect(JSON.stringify(answer.body)).not.toContain(NUMBER);

    expect((await harness.get('/v1/audit/messages/m1', KEYS.acme)).status).toBe(404);
    expect((await harness.get('/v1/audit/messages/m1', KEYS.demoProducer)).status).toBe(401);
    expect((await harness.get('/v1/audit/messages/m1', 'no-such-key')).status).toBe(401);
    const missing = await harness.get('/v1/audit/messages/nope');
    expect(missing).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it("a number's history, and its consent status at any instant with the event (and proof) that set it", async () => {
    const proof = {
      capturedAt: '2026-01-01T09:00:00Z',
      formUrl: 'https://shop.example/join',
      ipAddress: '203.0.113.7',
    };
    await harness.produceEvents([
      consentAudit('c-in', NUMBER, 'opt_in', '2026-01-01T09:00:00.000Z', { proof }),
      consentAudit('c-out', NUMBER, 'opt_out', '2026-06-01T09:00:00.000Z'),
      auditEvent('consent:inbound-1:reply.received', 'reply.received', {
        service: 'consent',
        at: '2026-06-01T09:00:00.000Z',
        subject: { phone: NUMBER },
        detail: { classification: 'STOP' },
      }),
      auditEvent(`validation:${NUMBER}:number.suppressed`, 'number.suppressed', {
        service: 'validation',
        at: '2026-07-01T00:00:00.000Z',
        subject: { phone: NUMBER },
        reason: 'SUPPRESSED_UNDELIVERABLE',
      }),
    ]);
    const history = await harness.until(
      `/v1/audit/numbers/${ENCODED}`,
      (a) => a.status === 200 && a.body.consent.length === 2 && a.body.hygiene.length === 1,
      'number history',
    );
    expect(history.body.phone).toBe(maskPhone(NUMBER));
    expect(history.body.consent.map((e: StoredEvent) => e.action)).toEqual([
      'consent.opt_in',
      'consent.opt_out',
    ]);
    expect(history.body.feedback.map((e: StoredEvent) => e.detail.classification)).toEqual(['STOP']);
    expect(history.body.messages.map((m: { messageId: string }) => m.messageId)).toContain('m1');
    expect(JSON.stringify(history.body)).not.toContain(NUMBER);
    // The auditor may type the number as a person would.
    expect(
      (await harness.get(`/v1/audit/numbers/${encodeURIComponent('(212) 555-0123')}`)).body.phoneFingerprint,
    ).toBe(history.body.phoneFingerprint);

    const at = async (instant: string) =>
      (await harness.get(`/v1/audit/consent/${ENCODED}?purpose=marketing&at=${instant}`)).body;
    expect(await at('2025-12-31T00:00:00Z')).toMatchObject({ status: 'none', since: null, event: null });
    expect(await at('2026-03-01T00:00:00Z')).toMatchObject({
      status: 'opted_in',
      since: '2026-01-01T09:00:00.000Z',
      event: { id: 'c-in', action: 'opt_in', method: 'web_form', proof, phone: maskPhone(NUMBER) },
    });
    expect(await at('2026-06-02T00:00:00Z')).toMatchObject({
      status: 'opted_out',
      since: '2026-06-01T09:00:00.000Z',
      event: { id: 'c-out' },
    });
    expect((await harness.get(`/v1/audit/consent/${ENCODED}?purpose=transactional`)).body).toMatchObject({
      status: 'none',
    });

    expect(await harness.get(`/v1/audit/consent/${ENCODED}`)).toMatchObject({
      status: 400,
      body: { details: [{ path: 'purpose' }] },
    });
    expect(await harness.get(`/v1/audit/consent/${ENCODED}?purpose=marketing&at=yesterday`)).toMatchObject({
      status: 400,
      body: { details: [{ path: 'at' }] },
    });
    expect(await harness.get('/v1/audit/numbers/not-a-number')).toMatchObject({
      status: 400,
      body: { details: [{ path: 'e164' }] },
    });
    expect((await harness.get(`/v1/audit/numbers/${ENCODED}`, KEYS.acme)).status).toBe(404);
  });

  it('events: filtered, cursor-paged JSON and CSV; bad parameters are a 400 naming the field', async () => {
    const blocked = Array.from({ length: 25 }, (_, i) =>
      auditEvent(`scheduling:page-${i}:message.blocked`, 'message.blocked', {
        at: `2026-11-28T11:00:${String(i).padStart(2, '0')}.000Z`,
        subject: { messageId: `page-${i}`, campaignId: 'paged' },
        reason: i % 5 === 0 ? 'QUIET_HOURS' : 'FREQUENCY_CAP',
      }),
    );
    await harness.produceEvents(blocked);
    await harness.until(
      '/v1/audit/events?campaignId=paged&limit=1000',
      (a) => a.body?.events?.length === 25,
      'paged events stored',
    );

    // Pages follow the order of recording (per partition as consumed), the same as one big page.
    const all = (
      await harness.get('/v1/audit/events?campaignId=paged&action=message.blocked&limit=1000')
    ).body.events.map((e: StoredEvent) => e.id);
    expect([...all].sort()).toEqual(blocked.map((e) => e.id).sort());
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const { body } = await harness.get(
        `/v1/audit/events?campaignId=paged&action=message.blocked&limit=10${cursor}`,
      );
      seen.push(...body.events.map((e: StoredEvent) => e.id));
      if (!body.nextCursor) break;
      cursor = `&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual(all);
    const quiet = await harness.get('/v1/audit/events?campaignId=paged&reason=QUIET_HOURS');
    expect(quiet.body.events.map((e: StoredEvent) => e.subject.messageId).sort()).toEqual([
      'page-0',
      'page-10',
      'page-15',
      'page-20',
      'page-5',
    ]);
    const window = await harness.get(
      `/v1/audit/events?campaignId=paged&from=${encodeURIComponent('2026-11-28T11:00:10Z')}&to=${encodeURIComponent('2026-11-28T11:00:12Z')}`,
    );
    expect(window.body.events.map((e: StoredEvent) => e.subject.messageId).sort()).toEqual([
      'page-10',
      'page-11',
    ]);

    const csv = await harness.get(
      '/v1/audit/events?campaignId=paged&reason=FREQUENCY_CAP',
      KEYS.demo,
      'text/csv',
    );
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'seq,id,at,service,action,reason,messageId,campaignId,phone,detail,recordedAt,hash',
    );
    expect(lines).toHaveLength(21);
    expect(lines.filter((line) => line.includes('QUIET_HOURS'))).toEqual([]);

    const bad = await harness.get('/v1/audit/events?limit=0&reason=NOPE&cursor=garbage!&extra=1');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'cursor',
      'extra',
      'limit',
      'reason',
    ]);
    const forged = await harness.get(`/v1/audit/events?cursor=${Buffer.from('nope').toString('base64url')}`);
    expect(forged).toMatchObject({ status: 400, body: { details: [{ path: 'cursor' }] } });
  });

  it('the campaign report equals an independent count over what was produced', async () => {
    const campaign = 'spring-sale';
    const ids = Array.from({ length: 40 }, (_, i) => `spring-${i}`);
    const events: AuditEvent[] = ids.map((id) =>
      auditEvent(`validation:${id}:message.received`, 'message.received', {
        service: 'validation',
        subject: { messageId: id, campaignId: campaign },
      }),
    );
    const outcomes: MessageOutcome[] = [];
    const blockedReasons = ['FREQUENCY_CAP', 'NO_CONSENT', 'DUPLICATE_CONTENT'] as const;
    ids.forEach((id, i) => {
      const base = { campaignId: campaign, to: `+1212555${String(1000 + i)}` };
      if (i % 4 === 0)
        outcomes.push(
          outcome(id, 'deferred', { ...base, reason: 'QUIET_HOURS', at: '2026-11-28T01:00:00.000Z' }),
          outcome(id, 'deferred', { ...base, reason: 'QUIET_HOURS', at: '2026-11-28T02:00:00.000Z' }),
        );
      if (i % 5 === 0) outcomes.push(outcome(id, 'blocked', { ...base, reason: blockedReasons[i % 3]! }));
      else if (i % 7 === 0) outcomes.push(outcome(id, 'cancelled', { ...base, reason: 'OPTED_OUT' }));
      else {
        outcomes.push(outcome(id, 'sent', { ...base, providerMessageId: `SM${i}` }));
        outcomes.push(
          outcome(id, i % 3 === 0 ? 'failed' : 'delivered', { ...base, at: '2026-11-28T10:01:00.000Z' }),
        );
      }
    });
    events.push(
      auditEvent('scheduling:stop-1:campaign.opt_out', 'campaign.opt_out', {
        subject: { campaignId: campaign, phone: NUMBER },
      }),
      auditEvent('scheduling:stop-2:campaign.opt_out', 'campaign.opt_out', {
        subject: { campaignId: campaign },
      }),
      auditEvent('scheduling:spam-1:campaign.complaint', 'campaign.complaint', {
        subject: { campaignId: campaign },
      }),
      auditEvent('validation:other-1:message.received', 'message.received', {
        subject: { messageId: 'other-1', campaignId: 'other' },
      }),
    );
    outcomes.push(
      outcome('other-1', 'sent', { campaignId: 'other' }),
      outcome('acme-1', 'sent', { campaignId: campaign, tenantId: 'acme-eu' }),
    );
    // Everything twice: a producer replaying must not change the counts.
    await harness.produceEvents([...events, ...events]);
    await harness.produceOutcomes([...outcomes, ...outcomes]);

    const distinct = (status: string) =>
      new Set(
        outcomes
          .filter((o) => o.tenantId === 'demo' && o.campaignId === campaign && o.status === status)
          .map((o) => o.messageId),
      ).size;
    const blocked: Record<string, number> = {};
    for (const o of outcomes) {
      if (o.tenantId === 'demo' && o.campaignId === campaign && o.status === 'blocked')
        blocked[o.reason!] = (blocked[o.reason!] ?? 0) + 1;
    }
    const sent = distinct('sent');
    const expected = {
      campaignId: campaign,
      requested: ids.length,
      sent,
      delivered: distinct('delivered'),
      failed: distinct('failed'),
      blocked,
      deferred: distinct('deferred'),
      expired: 0,
      cancelled: distinct('cancelled'),
      optOuts: 2,
      complaints: 1,
      optOutRate: 2 / sent,
      complaintRate: 1 / sent,
    };
    const report = await harness.until(
      `/v1/audit/reports/campaigns/${campaign}`,
      (a) =>
        a.status === 200 &&
        a.body.complaints === 1 &&
        a.body.sent === sent &&
        a.body.delivered + a.body.failed === sent &&
        a.body.requested === ids.length &&
        a.body.deferred === expected.deferred,
      'campaign report',
    );
    expect(report.body).toEqual(expected);
    expect((await harness.get(`/v1/audit/reports/campaigns/${campaign}`, KEYS.acme)).body).toMatchObject({
      sent: 1,
      requested: 0,
    });
    expect((await harness.get('/v1/audit/reports/campaigns/never-ran')).status).toBe(404);
  });

  it('every auditor query is itself audited', async () => {
    const other = '+12125550199';
    await harness.get(`/v1/audit/numbers/${encodeURIComponent(other)}`);
    await harness.get('/v1/audit/messages/audited-probe');
    const found = await harness.until(
      '/v1/audit/events?action=auditor.query&limit=1000',
      (a) =>
        a.body.events.some((e: StoredEvent) => e.subject.phoneMasked === maskPhone(other)) &&
        a.body.events.some(
          (e: StoredEvent) => (e.detail.params as { messageId?: string }).messageId === 'audited-probe',
        ),
      'auditor.query events',
    );
    const numberQuery = found.body.events.find(
      (e: StoredEvent) => e.subject.phoneMasked === maskPhone(other),
    );
    expect(numberQuery).toMatchObject({
      service: 'audit',
      detail: { route: 'GET /v1/audit/numbers/:e164', params: { e164: maskPhone(other) }, format: 'json' },
    });
    expect(JSON.stringify(found.body)).not.toContain(other);
  });

  it('serves the OpenAPI document at /openapi.json and its UI at /docs', async () => {
    const spec = await fetch(`${harness.base}/openapi.json`);
    expect(spec.status).toBe(200);
    const document = (await spec.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/audit/messages/{messageId}',
        '/v1/audit/events',
        '/v1/audit/integrity',
        '/v1/audit/reports/campaigns/{campaignId}',
      ]),
    );
    expect((await fetch(`${harness.base}/docs`)).status).toBe(200);
  });
});
