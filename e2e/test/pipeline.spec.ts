import { TOPICS, normalisePhone, type AuditEvent, type MessageOutcome } from '@optline/domain';

import { contact, inbound, message, optIn, optOut } from './support/builders';
import { numberOnHoliday, numberWhere } from './support/recipients';
import { Stack, ago, uniqueId } from './support/stack';

jest.setTimeout(240000);

const e164 = (raw: string) => {
  const parsed = normalisePhone(raw);
  if (!parsed.ok) throw new Error(`${raw} is not valid`);
  return parsed.e164;
};

describe('the pipeline end to end', () => {
  const stack = new Stack();
  let variant = 0;
  const fresh = (want: 'open' | 'quiet') => numberWhere(want, ++variant);

  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  /** Contact + marketing opt-in, waited for until consent recorded it. */
  async function consentedRecipient(tenantId: string, phone: string, extra: Record<string, unknown> = {}) {
    const person = contact(tenantId, phone);
    await stack.send('contacts', [person]);
    const event = optIn(tenantId, phone, extra);
    await stack.send('consents', [event]);
    await stack.probe.waitFor(
      (p) =>
        p
          .on<AuditEvent>(TOPICS.audit.name)
          .some((a) => a.action === 'consent.opt_in' && a.subject.phone === e164(phone)),
      60000,
      `opt-in of ${phone} recorded`,
    );
    return person.externalId;
  }

  async function blockedWith(request: Record<string, unknown>, status: string, reason: string) {
    await stack.send('messages', [request]);
    const outcome = await stack.outcome(request.id as string, status);
    expect(outcome.reason).toBe(reason);
    await stack.probe.waitFor(
      (p) =>
        p
          .on<AuditEvent>(TOPICS.audit.name)
          .some((a) => a.subject.messageId === request.id && a.reason === reason),
      30000,
      `audit event with ${reason}`,
    );
  }

  it('takes a marketing and a transactional message from request to delivered', async () => {
    const phone = fresh('open');
    const externalId = await consentedRecipient('demo', phone);
    const marketing = message('demo', phone, {
      body: 'Hi {{name}}, new arrivals are in.',
      contactExternalId: externalId,
    });
    const transactional = message('demo', phone, {
      purpose: 'transactional',
      body: 'Your order 1042 has shipped.',
    });
    await stack.send('messages', [marketing, transactional]);
    for (const request of [marketing, transactional]) {
      const sent = await stack.outcome(request.id, 'sent');
      expect(sent.to).toBe(e164(phone));
      expect(sent.providerMessageId).toBeTruthy();
      await stack.outcome(request.id, 'delivered');
    }
    expect(stack.outcomes(marketing.id).filter((o) => o.status === 'sent')).toHaveLength(1);
  });

  describe('reaches every reason code', () => {
    it('MALFORMED and UNKNOWN_TENANT on the dead-letter topic, and the next record is processed', async () => {
      const phone = fresh('open');
      await consentedRecipient('demo', phone);
      const after = message('demo', phone, { purpose: 'transactional', body: 'Code 111222' });
      await stack.producer.send(
        TOPICS.messages.name,
        ['{"id": "half', message('nobody-here', phone), after],
        () => 'same',
      );
      await stack.probe.waitFor(
        (p) =>
          p.on<{ reason: string }>(TOPICS.dlq.name).some((d) => d.reason === 'MALFORMED') &&
          p.on<{ reason: string }>(TOPICS.dlq.name).some((d) => d.reason === 'UNKNOWN_TENANT'),
        60000,
        'both dead letters',
      );
      await stack.outcome(after.id, 'sent');
    });

    it('INVALID_NUMBER', () => blockedWith(message('demo', '+1 000 000 0000'), 'blocked', 'INVALID_NUMBER'));

    it('NOT_SMS_CAPABLE', () =>
      blockedWith(message('demo', '+33 1 42 68 53 00'), 'blocked', 'NOT_SMS_CAPABLE'));

    it('COUNTRY_NOT_ALLOWED', () =>
      blockedWith(message('acme-eu', '+81 90 1234 5678'), 'blocked', 'COUNTRY_NOT_ALLOWED'));

    it('NO_CONSENT', () => blockedWith(message('demo', fresh('open')), 'blocked', 'NO_CONSENT'));

    it('OPTED_OUT', async () => {
      const phone = fresh('open');
      await consentedRecipient('demo', phone);
      await stack.send('consents', [optOut('demo', phone)]);
      await stack.probe.waitFor(
        (p) =>
          p
            .on<AuditEvent>(TOPICS.audit.name)
            .some((a) => a.action === 'consent.opt_out' && a.subject.phone === e164(phone)),
        60000,
      );
      await blockedWith(message('demo', phone), 'blocked', 'OPTED_OUT');
    });

    it('CONSENT_EXPIRED', async () => {
      const phone = fresh('open');
      await consentedRecipient('demo', phone, { occurredAt: ago(3 * 24 * 60), expiresAt: ago(24 * 60) });
      await blockedWith(message('demo', phone), 'blocked', 'CONSENT_EXPIRED');
    });

    it('CONTENT_VIOLATION', async () => {
      const phone = fresh('open');
      await consentedRecipient('demo', phone);
      await blockedWith(
        message('demo', phone, { body: 'Deals at https://bit.ly/x1' }),
        'blocked',
        'CONTENT_VIOLATION',
      );
    });

    it('DUPLICATE_CONTENT and FREQUENCY_CAP', async () => {
      const phone = fresh('open');
      await consentedRecipient('demo', phone);
      const first = message('demo', phone, { body: 'Same words twice' });
      await stack.send('messages', [first]);
      await stack.outcome(first.id, 'sent');
      await blockedWith(message('demo', phone, { body: 'Same words twice' }), 'blocked', 'DUPLICATE_CONTENT');
      const second = message('demo', phone);
      await stack.send('messages', [second]);
      await stack.outcome(second.id, 'sent');
      await blockedWith(message('demo', phone), 'blocked', 'FREQUENCY_CAP');
    });

    it('QUIET_HOURS', async () => {
      const phone = fresh('quiet');
      await consentedRecipient('demo', phone);
      const request = message('demo', phone);
      await stack.send('messages', [request]);
      const deferred = await stack.outcome(request.id, 'deferred');
      expect(deferred.reason).toBe('QUIET_HOURS');
      expect(Date.parse(deferred.scheduledFor!)).toBeGreaterThan(Date.now());
    });

    it('HOLIDAY, for a country with a public holiday today', async () => {
      const phone = numberOnHoliday(++variant);
      // Most days some country has a public holiday; on a day with none anywhere this reports it plainly.
      expect(phone).toBeDefined();
      await consentedRecipient('demo', phone!);
      const request = message('demo', phone!);
      await stack.send('messages', [request]);
      const deferred = await stack.outcome(request.id, 'deferred');
      expect(deferred.reason).toBe('HOLIDAY');
    });

    it('EXPIRED', async () => {
      const phone = fresh('open');
      await consentedRecipient('demo', phone);
      await blockedWith(
        message('demo', phone, { occurredAt: ago(10), expiresAt: ago(1) }),
        'expired',
        'EXPIRED',
      );
    });

    it('PROVIDER_REJECTED', async () => {
      // The simulator answers like Twilio's test number +15005550001: an invalid 'To'.
      const request = message('demo', '+1 500 555 0001', { purpose: 'transactional', body: 'Code 4242' });
      await stack.send('messages', [request]);
      const failed = await stack.outcome(request.id, 'failed');
      expect(failed.reason).toBe('PROVIDER_REJECTED');
    });

    it('SUPPRESSED_UNDELIVERABLE after an undeliverable receipt', async () => {
      const phone = fresh('open');
      const first = message('demo', phone, { purpose: 'transactional', body: 'Code 9090' });
      await stack.send('messages', [first]);
      const sent = await stack.outcome(first.id, 'sent');
      await stack.send('receipts', [
        {
          id: uniqueId('rcpt'),
          tenantId: 'demo',
          occurredAt: new Date().toISOString(),
          providerMessageId: sent.providerMessageId,
          status: 'undeliverable',
        },
      ]);
      await stack.outcome(first.id, 'failed');
      await stack.probe.waitFor(
        (p) =>
          p
            .on<AuditEvent>(TOPICS.audit.name)
            .some((a) => a.action === 'number.suppressed' && a.subject.phone === e164(phone)),
        60000,
        'suppression',
      );
      await blockedWith(
        message('demo', phone, { purpose: 'transactional', body: 'Code 9191' }),
        'blocked',
        'SUPPRESSED_UNDELIVERABLE',
      );
    });

    it('CAMPAIGN_PAUSED and OPTED_OUT cancellations through a campaign with too many opt-outs', async () => {
      // 210 consented contacts tagged for the campaign; 6 reply STOP after it went out: 6/210 > 2 %.
      const tag = uniqueId('tag');
      const phones = Array.from({ length: 210 }, () => fresh('open'));
      const unique = [...new Set(phones.map(e164))];
      await stack.send(
        'contacts',
        unique.map((p) => contact('demo', p, { tags: [tag] })),
      );
      await stack.send(
        'consents',
        unique.map((p) => optIn('demo', p)),
      );
      await stack.probe.waitFor(
        (p) =>
          p
            .on<AuditEvent>(TOPICS.audit.name)
            .filter((a) => a.action === 'consent.opt_in' && unique.includes(a.subject.phone!)).length >=
          unique.length,
        120000,
        'all opt-ins',
      );
      const campaignId = uniqueId('camp');
      const request = {
        id: uniqueId('req'),
        tenantId: 'demo',
        occurredAt: new Date().toISOString(),
        campaignId,
        purpose: 'marketing',
        body: 'Flash sale {{name}}',
        segment: { tagsAll: [tag] },
      };
      await stack.send('campaigns', [request]);
      await stack.probe.waitFor(
        (p) =>
          p
            .on<MessageOutcome>(TOPICS.outcomes.name)
            .filter((o) => o.campaignId === campaignId && o.status === 'sent').length >= unique.length,
        120000,
        'campaign sent',
      );
      await stack.send(
        'inbound',
        unique.slice(0, 6).map((p) => inbound('demo', p, 'STOP')),
      );
      await stack.probe.waitFor(
        (p) =>
          p
            .on<AuditEvent>(TOPICS.audit.name)
            .some((a) => a.action === 'campaign.paused' && a.subject.campaignId === campaignId),
        60000,
        'campaign paused',
      );
      const late = message('demo', unique[10]!, { campaignId, body: 'One more thing' });
      await blockedWith(late, 'blocked', 'CAMPAIGN_PAUSED');
    });
  });

  it('cancels a quiet-hours deferral when STOP arrives, and confirms once', async () => {
    const phone = fresh('quiet');
    await consentedRecipient('demo', phone);
    const request = message('demo', phone);
    await stack.send('messages', [request]);
    await stack.outcome(request.id, 'deferred');
    const stop = inbound('demo', phone, 'STOP');
    await stack.send('inbound', [stop, { ...stop }]);
    const cancelled = await stack.outcome(request.id, 'cancelled');
    expect(cancelled.reason).toBe('OPTED_OUT');
    const confirmation = await stack.outcome(`${stop.id}:confirmation`, 'sent');
    expect(confirmation.to).toBe(e164(phone));
    expect(stack.outcomes(request.id).some((o) => o.status === 'sent')).toBe(false);
  });

  it('imports a CSV, runs a campaign to a segment of it, and the audit campaign report matches the outcomes', async () => {
    const tag = uniqueId('vip');
    const phones = Array.from({ length: 40 }, () => e164(fresh('open')));
    const unique = [...new Set(phones)];
    const rows = unique.map((p, i) => `cust-${tag}-${i},${p},US,${i % 2 === 0 ? tag : 'other'},${i}`);
    rows.push(`cust-${tag}-bad,not a number,US,${tag},0`);
    const csv = ['externalId,phone,defaultCountry,tags,rank', ...rows].join('\n');
    const response = await fetch(stack.url('ingestion', '/v1/contacts/import'), {
      method: 'POST',
      headers: { authorization: 'Bearer demo-producer-key', 'content-type': 'text/csv' },
      body: csv,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { total: number; invalid: number; imported: number };
    expect(report).toMatchObject({ total: unique.length + 1, invalid: 1, imported: unique.length });

    const inSegment = unique.filter((_, i) => i % 2 === 0);
    await stack.send(
      'consents',
      inSegment.slice(0, 15).map((p) => optIn('demo', p)),
    );
    await stack.probe.waitFor(
      (p) =>
        p
          .on<AuditEvent>(TOPICS.audit.name)
          .filter((a) => a.action === 'consent.opt_in' && inSegment.includes(a.subject.phone!)).length >= 15,
      60000,
    );
    const campaignId = uniqueId('camp');
    await stack.send('campaigns', [
      {
        id: uniqueId('req'),
        tenantId: 'demo',
        occurredAt: new Date().toISOString(),
        campaignId,
        purpose: 'marketing',
        body: 'VIP preview tonight',
        segment: { tagsAll: [tag] },
      },
    ]);
    await stack.probe.waitFor(
      (p) =>
        new Set(
          p
            .on<MessageOutcome>(TOPICS.outcomes.name)
            .filter((o) => o.campaignId === campaignId && ['sent', 'blocked'].includes(o.status))
            .map((o) => o.messageId),
        ).size >= inSegment.length,
      120000,
      'every campaign message settled',
    );
    const outcomes = stack.probe
      .on<MessageOutcome>(TOPICS.outcomes.name)
      .filter((o) => o.campaignId === campaignId);
    const count = (status: string) =>
      new Set(outcomes.filter((o) => o.status === status).map((o) => o.messageId)).size;
    expect(count('sent')).toBe(15);
    expect(count('blocked')).toBe(inSegment.length - 15);

    let body: Record<string, unknown> = {};
    for (let attempt = 0; attempt < 60; attempt++) {
      const answer = await fetch(stack.url('audit', `/v1/audit/reports/campaigns/${campaignId}`), {
        headers: { authorization: 'Bearer demo-auditor-key' },
      });
      body = (await answer.json()) as Record<string, unknown>;
      if (answer.status === 200 && body.sent === count('sent') && body.requested === inSegment.length) break;
      await new Promise((done) => setTimeout(done, 1000));
    }
    expect(body).toMatchObject({
      campaignId,
      requested: inSegment.length,
      sent: count('sent'),
      blocked: { NO_CONSENT: inSegment.length - 15 },
    });
  });
});
