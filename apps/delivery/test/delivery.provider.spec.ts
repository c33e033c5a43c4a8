import {
  RULES_VERSION,
  TOPICS,
  type AuditEvent,
  type DeliveryEvent,
  type DeliveryReceipt,
} from '@optline/domain';
import type { ServiceProcess } from '@optline/platform/testing';

import {
  acceptedReceipt,
  consentChanged,
  receiptKey,
  recipientKey,
  released,
  releasedKey,
  usNumber,
} from './builders';
import { DeliveryHarness, sleep } from './support';
import { FROM, twilioError } from './twilio-fake';

jest.setTimeout(120000);

describe('delivery through Twilio (fake) and the simulator, on the real broker', () => {
  const harness = new DeliveryHarness();
  let service: ServiceProcess;

  beforeAll(async () => {
    await harness.setUp('delivery_provider');
    service = harness.start();
    await service.ready();
  });

  afterAll(async () => {
    await service?.stop();
    await harness.tearDown();
  });

  afterEach(() => {
    harness.twilio.reply = () => undefined;
    expect(harness.twilio.violations).toEqual([]);
  });

  const release = (...items: ReturnType<typeof released>[]) =>
    harness.producer.send(TOPICS.released.name, items, releasedKey);

  it('provider 503 three times then 201: sent exactly once', async () => {
    harness.twilio.reply = (request) =>
      request.messageId === 'r503' && request.nth <= 3
        ? twilioError(503, 20503, 'Service unavailable')
        : undefined;
    await release(released('r503', { e164: usNumber(1) }));

    const sent = await harness.waitForOutcome('r503', 'sent');
    await sleep(1000); // a second send or outcome would show by now
    expect(harness.twilio.requestsFor('r503')).toHaveLength(4);
    expect(harness.twilio.acceptedCount('r503')).toBe(1);
    expect(sent).toMatchObject({
      status: 'sent',
      to: usNumber(1),
      providerMessageId: harness.twilio.accepted.get('r503')![0],
    });
    expect(harness.outcomes('r503')).toHaveLength(1);
    const request = harness.twilio.requestsFor('r503')[3]!;
    expect(request).toMatchObject({ to: usNumber(1), from: FROM });
    expect(
      harness.probe.on<DeliveryEvent>(TOPICS.deliveryEvents.name).filter((e) => e.messageId === 'r503'),
    ).toEqual([expect.objectContaining({ status: 'sent', e164: usNumber(1), purpose: 'transactional' })]);
    expect(
      harness.probe
        .on<AuditEvent>(TOPICS.audit.name)
        .filter((e) => e.subject.messageId === 'r503')
        .map((e) => e.id),
    ).toEqual(['delivery:r503:message.sent']);
  });

  it("provider 400 (21211 invalid 'To'): failed PROVIDER_REJECTED, not retried", async () => {
    harness.twilio.reply = (request) =>
      request.messageId === 'r400'
        ? twilioError(400, 21211, "The 'To' number +12125550002 is not a valid phone number.")
        : undefined;
    await release(released('r400', { e164: usNumber(2) }));

    const failed = await harness.waitForOutcome('r400', 'failed');
    expect(failed).toMatchObject({
      reason: 'PROVIDER_REJECTED',
      detail: { errorCode: '21211', httpStatus: 400 },
    });
    await sleep(800);
    expect(harness.twilio.requestsFor('r400')).toHaveLength(1);
    const audit = harness.probe
      .on<AuditEvent>(TOPICS.audit.name)
      .find((e) => e.id === 'delivery:r400:message.failed');
    expect(audit).toMatchObject({
      reason: 'PROVIDER_REJECTED',
      detail: { rulesVersion: expect.any(String) },
    });
  });

  it('provider 503 on every attempt: bounded attempts over rounds (the circuit opening between), then failed PROVIDER_REJECTED', async () => {
    harness.twilio.reply = (request) =>
      request.messageId === 'r503x' ? twilioError(503, 20503, 'Service unavailable') : undefined;
    await release(released('r503x', { e164: usNumber(10) }));
    const failed = await harness.waitForOutcome('r503x', 'failed', 60000);
    expect(failed).toMatchObject({
      reason: 'PROVIDER_REJECTED',
      detail: { retriesExhausted: true, attempts: 9, httpStatus: 503 },
    });
    expect(harness.twilio.requestsFor('r503x')).toHaveLength(9);
    expect(harness.twilio.acceptedCount('r503x')).toBe(0);
  });

  it('a replayed released record sends nothing and emits nothing new', async () => {
    await release(released('dup1', { e164: usNumber(3) }));
    await harness.waitForOutcome('dup1', 'sent');
    await release(released('dup1', { e164: usNumber(3) }), released('dup1', { e164: usNumber(3) }));
    await release(released('dup-marker', { e164: usNumber(3) }));
    await harness.waitForOutcome('dup-marker', 'sent'); // the duplicates were handled before it (same partition)
    expect(harness.twilio.requestsFor('dup1')).toHaveLength(1);
    expect(harness.outcomes('dup1')).toHaveLength(1);
  });

  it('a delivered receipt gives the delivered outcome', async () => {
    await release(released('rcpt1', { e164: usNumber(4), campaignId: 'camp-1', purpose: 'marketing' }));
    const sent = await harness.waitForOutcome('rcpt1', 'sent');
    await harness.producer.send(
      TOPICS.acceptedReceipts.name,
      [acceptedReceipt(sent.providerMessageId!, 'delivered')],
      receiptKey,
    );

    const delivered = await harness.waitForOutcome('rcpt1', 'delivered');
    expect(delivered).toMatchObject({
      providerMessageId: sent.providerMessageId,
      to: usNumber(4),
      campaignId: 'camp-1',
    });
    // The same receipt again changes nothing.
    await harness.producer.send(
      TOPICS.acceptedReceipts.name,
      [acceptedReceipt(sent.providerMessageId!, 'delivered')],
      receiptKey,
    );
    await sleep(1000);
    expect(harness.outcomes('rcpt1').map((o) => o.status)).toEqual(['sent', 'delivered']);
  });

  it('undeliverable: failed outcome, DeliveryEvent to hygiene, and the next message to that number is SUPPRESSED_UNDELIVERABLE', async () => {
    const number = usNumber(5);
    await release(released('und1', { e164: number }));
    const sent = await harness.waitForOutcome('und1', 'sent');
    await harness.producer.send(
      TOPICS.acceptedReceipts.name,
      [acceptedReceipt(sent.providerMessageId!, 'undeliverable', { errorCode: '30003' })],
      receiptKey,
    );

    const failed = await harness.waitForOutcome('und1', 'failed');
    expect(failed).toMatchObject({
      reason: 'PROVIDER_REJECTED',
      detail: { receiptStatus: 'undeliverable', errorCode: '30003' },
    });
    await harness.probe.waitFor(
      (p) =>
        p
          .on<DeliveryEvent>(TOPICS.deliveryEvents.name)
          .some((e) => e.messageId === 'und1' && e.status === 'undeliverable'),
      10000,
      'undeliverable DeliveryEvent',
    );
    const event = harness.probe
      .on<DeliveryEvent>(TOPICS.deliveryEvents.name)
      .find((e) => e.messageId === 'und1' && e.status === 'undeliverable');
    expect(event).toMatchObject({ tenantId: 'demo', e164: number });

    await release(released('und2', { e164: number }));
    const blocked = await harness.waitForOutcome('und2', 'blocked');
    expect(blocked).toMatchObject({ reason: 'SUPPRESSED_UNDELIVERABLE', to: number });
    expect(harness.twilio.requestsFor('und2')).toHaveLength(0);

    // A newer opt-in lifts the suppression (CONTRACT §3: "until its next opt-in").
    await harness.producer.send(
      TOPICS.recipientEvents.name,
      [consentChanged(number, 'opted_in')],
      recipientKey,
    );
    await sleep(500);
    await release(released('und3', { e164: number }));
    await harness.waitForOutcome('und3', 'sent');
  });

  it('a receipt for a provider id not (yet) known is set aside without holding up the stream', async () => {
    await release(released('early1', { e164: usNumber(6) }));
    const sent = await harness.waitForOutcome('early1', 'sent');
    await harness.producer.send(
      TOPICS.acceptedReceipts.name,
      [acceptedReceipt('SMunknown', 'delivered')],
      receiptKey,
    );
    await harness.producer.send(
      TOPICS.acceptedReceipts.name,
      [acceptedReceipt(sent.providerMessageId!, 'failed', { errorCode: '30008' })],
      receiptKey,
    );
    const failed = await harness.waitForOutcome('early1', 'failed');
    expect(failed.detail).toEqual({
      receiptStatus: 'failed',
      errorCode: '30008',
      rulesVersion: RULES_VERSION,
    });
  });

  it('an opt-out published while the message waits in retry cancels it before the next attempt; the fake never took it', async () => {
    const number = usNumber(7);
    let healthy = false;
    harness.twilio.reply = (request) =>
      request.messageId === 'stop1' && !healthy ? twilioError(503, 20503, 'Service unavailable') : undefined;
    await release(released('stop1', { e164: number, purpose: 'marketing' }));
    // First round: three 503s; the message is parked for a later round.
    await harness.probe.waitFor(
      () => harness.twilio.requestsFor('stop1').length >= 3,
      15000,
      'first round of attempts',
    );
    await harness.producer.send(
      TOPICS.recipientEvents.name,
      [consentChanged(number, 'opted_out', { purpose: 'marketing' })],
      recipientKey,
    );
    healthy = true; // the next attempt would now succeed, if it were made

    const cancelled = await harness.waitForOutcome('stop1', 'cancelled');
    expect(cancelled).toMatchObject({ reason: 'OPTED_OUT', detail: { checkedBy: 'delivery' } });
    await sleep(1500);
    expect(harness.twilio.acceptedCount('stop1')).toBe(0);
    expect(harness.twilio.requestsFor('stop1')).toHaveLength(3);
    expect(harness.outcomes('stop1').map((o) => o.status)).toEqual(['cancelled']);
    expect(
      harness.probe
        .on<AuditEvent>(TOPICS.audit.name)
        .find((e) => e.id === 'delivery:stop1:message.cancelled'),
    ).toMatchObject({
      reason: 'OPTED_OUT',
    });
  });

  it('an opt-out already known cancels a released message without a call; the STOP confirmation still goes', async () => {
    const number = usNumber(8);
    const at = new Date().toISOString();
    await harness.producer.send(
      TOPICS.recipientEvents.name,
      [
        consentChanged(number, 'opted_out', { purpose: 'transactional', at }),
        consentChanged(number, 'opted_out', { purpose: 'marketing', at }),
      ],
      recipientKey,
    );
    await sleep(500);
    await release(
      released('late1', { e164: number, purpose: 'marketing' }),
      released('inbound-9:confirmation', { e164: number, kind: 'confirmation', purpose: 'transactional' }),
    );
    await harness.waitForOutcome('late1', 'cancelled');
    await harness.waitForOutcome('inbound-9:confirmation', 'sent');
    expect(harness.twilio.requestsFor('late1')).toHaveLength(0);
  });

  it('Twilio 21610 (unsubscribed recipient) fails the message and counts as an opt-out for the next one', async () => {
    const number = usNumber(9);
    harness.twilio.reply = (request) =>
      request.to === number
        ? twilioError(400, 21610, 'Attempt to send to unsubscribed recipient')
        : undefined;
    await release(released('unsub1', { e164: number }));
    expect(await harness.waitForOutcome('unsub1', 'failed')).toMatchObject({
      detail: { errorCode: '21610', optedOut: true },
    });
    await release(released('unsub2', { e164: number }));
    await harness.waitForOutcome('unsub2', 'cancelled');
    expect(harness.twilio.requestsFor('unsub2')).toHaveLength(0);
  });

  it('the simulator (tenant acme-eu) sends and publishes its receipts to optline.receipts.v1', async () => {
    await release(
      released('sim1', { tenantId: 'acme-eu', e164: '+33612345678', senderId: 'Acme' }),
      released('sim2', { tenantId: 'acme-eu', e164: '+33612345679', senderId: 'Acme' }),
    );
    const sent = await harness.waitForOutcome('sim1', 'sent');
    expect(sent.providerMessageId).toMatch(/^SIM[0-9a-f]{32}$/);
    await harness.probe.waitFor(
      (p) =>
        p
          .on<DeliveryReceipt>(TOPICS.receipts.name)
          .some((r) => r.providerMessageId === sent.providerMessageId),
      10000,
      'simulator receipt',
    );
    const receipt = harness.probe
      .on<DeliveryReceipt>(TOPICS.receipts.name)
      .find((r) => r.providerMessageId === sent.providerMessageId)!;
    expect(receipt).toMatchObject({ tenantId: 'acme-eu', status: 'delivered' });
    // As ingestion would: the receipt comes back accepted, and gives the delivered outcome.
    await harness.producer.send(
      TOPICS.acceptedReceipts.name,
      [{ receivedAt: new Date().toISOString(), value: receipt }],
      receiptKey,
    );
    await harness.waitForOutcome('sim1', 'delivered');
    expect(harness.twilio.requestsFor('sim1')).toHaveLength(0);
  });
});
