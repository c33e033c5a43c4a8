import { RULES_VERSION, TOPICS, type DeliveryEvent, type RecipientEvent } from '@optline/domain';

import { ValidationHarness, accepted, message, now } from './harness';

jest.setTimeout(120000);

const DAY = 86_400_000;

/**
 * Validation as a real process on the real broker and database: every reason code it owns, each from a
 * crafted input, with the outcome and the audit events; the registry, hygiene, erasure and pass-through.
 */
describe('validation screening', () => {
  let h: ValidationHarness;

  beforeAll(async () => {
    h = await ValidationHarness.start('validation');
  });

  afterAll(async () => {
    await h?.stop();
  });

  const delivery = (
    e164: string,
    status: DeliveryEvent['status'],
    at: Date,
    messageId: string,
    purpose: 'marketing' | 'transactional' = 'marketing',
  ): DeliveryEvent => ({
    tenantId: 'demo',
    e164,
    messageId,
    purpose,
    status,
    at: at.toISOString(),
  });

  async function expectBlocked(messageId: string, reason: string, to?: string) {
    await h.decided(messageId);
    expect(h.screenedMessage(messageId)).toBeUndefined();
    expect(h.outcome(messageId)).toMatchObject({
      messageId,
      status: 'blocked',
      reason,
      ...(to ? { to } : {}),
    });
    await h.probe.waitFor(
      () => h.audits((a) => a.id === `validation:${messageId}:message.blocked`).length === 1,
      10000,
      'the block audit',
    );
    const audits = h.audits(
      (a) =>
        (a.subject as { messageId?: string }).messageId === messageId &&
        String(a.action).startsWith('message.'),
    );
    expect(audits.map((a) => [a.action, a.reason, a.service])).toEqual([
      ['message.received', undefined, 'validation'],
      ['message.blocked', reason, 'validation'],
    ]);
    expect(audits[1]!.detail).toMatchObject({ rulesVersion: expect.any(String) });
  }

  it('INVALID_NUMBER', async () => {
    await h.accept(message('inv-1', '12345'));
    await expectBlocked('inv-1', 'INVALID_NUMBER');
  });

  it('NOT_SMS_CAPABLE', async () => {
    await h.accept(message('land-1', '01 42 68 53 00', {}, 'acme-eu'));
    await expectBlocked('land-1', 'NOT_SMS_CAPABLE', '+33142685300');
    expect(h.outcome('land-1')!.detail).toEqual({ numberType: 'FIXED_LINE', rulesVersion: RULES_VERSION });
  });

  it('COUNTRY_NOT_ALLOWED', async () => {
    await h.accept(message('jp-1', '+81 90 1234 5678', {}, 'acme-eu'));
    await expectBlocked('jp-1', 'COUNTRY_NOT_ALLOWED', '+819012345678');
  });

  it('CONTENT_VIOLATION, with the violations in the outcome', async () => {
    await h.accept(
      message(
        'content-1',
        '+33612345678',
        { purpose: 'marketing', body: 'You are a guaranteed winner! bit.ly/x {{prize}}' },
        'acme-eu',
      ),
    );
    await expectBlocked('content-1', 'CONTENT_VIOLATION');
    expect(
      (h.outcome('content-1')!.detail as { violations: Array<{ rule: string }> }).violations
        .map((v) => v.rule)
        .sort(),
    ).toEqual(['BANNED_PHRASE', 'SHORTENER', 'UNRESOLVED_PLACEHOLDER']);
  });

  it('SUPPRESSED_UNDELIVERABLE until the next opt-in', async () => {
    const e164 = '+12125550147';
    const earlier = new Date(Date.now() - 60_000);
    await h.producer.send(
      TOPICS.deliveryEvents.name,
      [delivery(e164, 'undeliverable', earlier, 'old-msg')],
      () => `demo:${e164}`,
    );
    await h.probe.waitFor(
      () =>
        h.audits((a) => a.action === 'number.suppressed' && a.reason === 'SUPPRESSED_UNDELIVERABLE')
          .length === 1,
      30000,
      'number.suppressed',
    );
    expect(h.audits((a) => a.action === 'number.suppressed')[0]).toMatchObject({
      subject: { phone: e164, messageId: 'old-msg' },
    });

    await h.accept(message('undeliv-1', '(212) 555-0147'));
    await expectBlocked('undeliv-1', 'SUPPRESSED_UNDELIVERABLE', e164);

    const optIn: RecipientEvent = {
      kind: 'consent_changed',
      tenantId: 'demo',
      e164,
      purpose: 'marketing',
      status: 'opted_in',
      cause: 'event',
      ledgerEventId: 'ledger-1',
      at: now(),
    };
    await h.producer.send(TOPICS.recipientEvents.name, [optIn], () => `demo:${e164}`);
    await h.probe.waitFor(
      () => h.audits((a) => a.action === 'number.unsuppressed').length === 1,
      30000,
      'number.unsuppressed',
    );
    await h.accept(message('undeliv-2', e164));
    await h.decided('undeliv-2');
    expect(h.screenedMessage('undeliv-2')).toBeDefined();
  });

  it('SUPPRESSED_INACTIVE for marketing after 10 unanswered sends over 180 days', async () => {
    const e164 = '+12125550148';
    const first = Date.now() - 200 * DAY;
    const sends = Array.from({ length: 10 }, (_, i) =>
      delivery(e164, 'sent', new Date(first + i * DAY), `mkt-${i}`),
    );
    await h.producer.send(TOPICS.deliveryEvents.name, sends, () => `demo:${e164}`);
    await h.waitForRow(
      'select 1 from number_hygiene where marketing_sends_since_reply = 10',
      [],
      'ten counted sends',
    );

    await h.accept(
      message('inactive-1', e164, { purpose: 'marketing', body: 'Big sale' }),
      message('inactive-tx', e164),
    );
    await expectBlocked('inactive-1', 'SUPPRESSED_INACTIVE', e164);
    await h.probe.waitFor(
      () =>
        h.audits((a) => a.action === 'number.suppressed' && a.reason === 'SUPPRESSED_INACTIVE').length === 1,
      10000,
      'inactive audit',
    );
    await h.decided('inactive-tx');
    expect(h.screenedMessage('inactive-tx')).toBeDefined();

    const reply: RecipientEvent = {
      kind: 'replied',
      tenantId: 'demo',
      e164,
      classification: 'FEEDBACK',
      at: now(),
    };
    await h.producer.send(TOPICS.recipientEvents.name, [reply], () => `demo:${e164}`);
    await h.waitForRow(
      'select 1 from number_hygiene where last_reply_at is not null and marketing_sends_since_reply = 0',
      [],
      'the reply',
    );
    await h.accept(message('inactive-2', e164, { purpose: 'marketing', body: 'Big sale' }));
    await h.decided('inactive-2');
    expect(h.screenedMessage('inactive-2')).toBeDefined();
  });

  it('keeps contacts: renders their attributes, uses their zone and locale, records a shared number', async () => {
    await h.accept(
      accepted('contact', {
        id: 'up-1',
        externalId: 'ana',
        phone: '+1 (212) 555-0160',
        attributes: { firstName: 'Ana' },
        tags: ['vip'],
        locale: 'es-US',
        timeZone: 'America/Denver',
      }),
      accepted('contact', { id: 'up-3', externalId: 'bad', phone: '555' }),
    );
    await h.probe.waitFor(
      () => h.audits((a) => a.id === 'validation:up-1:contact.upserted').length === 1,
      30000,
      'first contact',
    );
    // Inputs on different partitions have no order between them: the second holder comes after the first.
    await h.accept(
      accepted('contact', {
        id: 'up-2',
        externalId: 'ana-work',
        phone: '212-555-0160',
        attributes: { firstName: 'Ana W' },
      }),
    );
    await h.probe.waitFor(
      () =>
        h.audits((a) =>
          ['validation:up-2:contact.upserted', 'validation:up-3:contact.rejected'].includes(String(a.id)),
        ).length === 2,
      30000,
      'contact audits',
    );
    expect(h.audits((a) => a.id === 'validation:up-2:contact.upserted')[0]).toMatchObject({
      subject: { phone: '+12125550160' },
      detail: { externalId: 'ana-work', sharesNumberWith: ['ana'] },
    });
    expect(h.audits((a) => a.id === 'validation:up-3:contact.rejected')[0]).toMatchObject({
      reason: 'INVALID_NUMBER',
    });

    await h.accept(
      message('hello-ana', '+12125550160', {
        purpose: 'marketing',
        body: 'Hola {{firstName}}',
        contactExternalId: 'ana',
      }),
    );
    await h.decided('hello-ana');
    expect(h.screenedMessage('hello-ana')).toMatchObject({
      body: 'Optline Demo: Hola Ana. Responde BAJA para darte de baja',
      recipient: {
        e164: '+12125550160',
        zones: ['America/Denver', 'America/New_York'],
        locale: 'es-US',
        subdivisions: ['NY'],
      },
      acceptedAt: expect.any(String),
      requestedAt: expect.any(String),
    });
    const rows = await h.query(
      'select external_id, tags, attributes from contacts where e164 = $1 order by 1',
      ['+12125550160'],
    );
    expect(rows).toEqual([
      { external_id: 'ana', tags: ['vip'], attributes: { firstName: 'Ana' } },
      { external_id: 'ana-work', tags: [], attributes: { firstName: 'Ana W' } },
    ]);
  });

  it('erases a number: contact PII gone, fingerprint kept, no new contact until a new opt-in', async () => {
    const e164 = '+12125550170';
    await h.accept(
      accepted('contact', {
        id: 'er-up-1',
        externalId: 'eve',
        phone: e164,
        attributes: { firstName: 'Eve' },
      }),
    );
    await h.probe.waitFor(
      () => h.audits((a) => a.id === 'validation:er-up-1:contact.upserted').length === 1,
      30000,
      'eve stored',
    );

    await h.accept(accepted('erasure', { id: 'erase-1', phone: '212 555 0170' }));
    await h.probe.waitFor(
      () => h.screened((i) => i.kind === 'erasure').length === 1,
      30000,
      'erasure passed on',
    );
    expect(h.screened((i) => i.kind === 'erasure')[0]).toMatchObject({
      tenantId: 'demo',
      e164,
      requestId: 'erase-1',
    });
    expect(h.audits((a) => a.id === 'validation:erase-1:contact.erased')[0]).toMatchObject({
      detail: { contacts: 1 },
    });
    expect(
      await h.query('select * from contacts where e164 = $1 or external_id = $2', [e164, 'eve']),
    ).toEqual([]);
    expect(await h.query('select 1 from number_hygiene where erased_at is not null')).toHaveLength(1);

    // A later import of the number brings nothing back ...
    await h.accept(
      accepted('contact', {
        id: 'er-up-2',
        externalId: 'eve',
        phone: e164,
        attributes: { firstName: 'Eve' },
      }),
    );
    await h.probe.waitFor(
      () => h.audits((a) => a.id === 'validation:er-up-2:contact.rejected').length === 1,
      30000,
      'rejected',
    );
    expect(await h.query('select * from contacts where external_id = $1', ['eve'])).toEqual([]);
    await h.accept(message('after-erase', e164, { body: 'Hi {{firstName}}', contactExternalId: 'eve' }));
    await expectBlocked('after-erase', 'CONTENT_VIOLATION', e164);

    // ... until the person opts in again.
    const optIn: RecipientEvent = {
      kind: 'consent_changed',
      tenantId: 'demo',
      e164,
      purpose: 'marketing',
      status: 'opted_in',
      cause: 'event',
      ledgerEventId: 'ledger-eve',
      at: now(),
    };
    await h.producer.send(TOPICS.recipientEvents.name, [optIn], () => `demo:${e164}`);
    await h.waitForRow('select 1 from number_hygiene where opted_in_at > erased_at', [], 'the new opt-in');
    await h.accept(accepted('contact', { id: 'er-up-3', externalId: 'eve', phone: e164 }));
    await h.probe.waitFor(
      () => h.audits((a) => a.id === 'validation:er-up-3:contact.upserted').length === 1,
      30000,
      'stored again',
    );
  });

  it('passes consents and replies on with the number in E.164, and drops an unreadable sender', async () => {
    await h.accept(
      accepted('consent', {
        id: 'cons-1',
        phone: '(212) 555-0180',
        purpose: 'marketing',
        action: 'opt_out',
        method: 'api',
        proof: {},
      }),
      accepted('inbound', { id: 'in-1', from: '212.555.0181', to: '12345', text: 'STOP' }),
      accepted('inbound', { id: 'in-2', from: 'not a number', to: '12345', text: 'STOP' }),
    );
    await h.probe.waitFor(
      () => h.audits((a) => a.action === 'inbound.dropped').length === 1,
      30000,
      'dropped inbound',
    );
    await h.probe.waitFor(
      () => h.screened((i) => i.kind === 'inbound' || i.kind === 'consent').length === 2,
      30000,
      'pass-through',
    );
    expect(h.screened((i) => i.kind === 'consent')[0]).toMatchObject({
      e164: '+12125550180',
      event: { id: 'cons-1', phone: '(212) 555-0180' },
    });
    expect(h.screened((i) => i.kind === 'inbound')[0]).toMatchObject({
      recipient: { e164: '+12125550181', region: 'US', zones: ['America/New_York'] },
      inbound: { id: 'in-1', text: 'STOP' },
    });
    expect(h.audits((a) => a.action === 'inbound.dropped')[0]).toMatchObject({
      reason: 'INVALID_NUMBER',
      subject: {},
    });
    const keys = h.probe.records.filter((r) => r.topic === TOPICS.screened.name).map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['demo:+12125550180', 'demo:+12125550181']));
  });
});
