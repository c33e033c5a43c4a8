import { Client } from 'pg';

import { TOPICS } from '@optline/domain';
import type { ServiceProcess } from '@optline/platform/testing';

import { released, releasedKey, usNumber } from './builders';
import { DeliveryHarness, sleep, type Outcome } from './support';

jest.setTimeout(180000);

async function diedBySigkill(service: ServiceProcess, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (service.child.exitCode === null && service.child.signalCode === null) {
    if (Date.now() > deadline) throw new Error(`delivery did not die:\n${service.output().slice(-3000)}`);
    await sleep(20);
  }
  expect(service.child.signalCode).toBe('SIGKILL');
}

describe('delivery never sends twice across SIGKILLs', () => {
  let harness: DeliveryHarness;

  beforeEach(async () => {
    harness = new DeliveryHarness();
    await harness.setUp('delivery_crash');
  });

  afterEach(async () => {
    expect(harness.twilio.violations).toEqual([]);
    await harness.tearDown();
  });

  it('killed after the ledger write and before the Twilio call: at most one send, and the outcome is reported (unknown)', async () => {
    const crashing = harness.start({ OPTLINE_FAULT_KILL_BEFORE_PROVIDER: 'crash-tw1' });
    await crashing.ready();
    await harness.producer.send(
      TOPICS.released.name,
      [released('crash-tw1', { e164: usNumber(11) })],
      releasedKey,
    );
    await diedBySigkill(crashing);
    expect(harness.twilio.requestsFor('crash-tw1')).toHaveLength(0);

    const restarted = harness.start();
    await restarted.ready();
    // Twilio has no idempotency key and no sid was stored: the attempt cannot be looked up, so it is not re-sent.
    const failed = await harness.waitForOutcome('crash-tw1', 'failed', 60000);
    expect(failed).toMatchObject({
      reason: 'PROVIDER_REJECTED',
      detail: { unknownResult: true, reconciled: true },
    });
    await sleep(1000);
    expect(harness.twilio.requestsFor('crash-tw1').length).toBeLessThanOrEqual(1);
    expect(harness.twilio.requestsFor('crash-tw1')).toHaveLength(0);
    expect(harness.outcomes('crash-tw1')).toHaveLength(1);
    await restarted.stop();
  });

  it('killed after the ledger write with the simulator: reconciled by lookup, sent exactly once', async () => {
    const crashing = harness.start({ OPTLINE_FAULT_KILL_BEFORE_PROVIDER: 'crash-sim1' });
    await crashing.ready();
    await harness.producer.send(
      TOPICS.released.name,
      [released('crash-sim1', { tenantId: 'acme-eu', e164: '+33612345670', senderId: 'Acme' })],
      releasedKey,
    );
    await diedBySigkill(crashing);

    const restarted = harness.start();
    await restarted.ready();
    const sent = await harness.waitForOutcome('crash-sim1', 'sent', 60000);
    expect(sent.providerMessageId).toMatch(/^SIM/);
    await sleep(1000);
    expect(harness.outcomes('crash-sim1')).toHaveLength(1);
    // The simulator's own store is its far side: it counts every send it accepted.
    const client = new Client({ connectionString: harness.db.url });
    await client.connect();
    const { rows } = await client.query(
      `select sends from delivery.simulator_message where message_id = 'crash-sim1'`,
    );
    await client.end();
    expect(rows).toEqual([{ sends: 1 }]);
    await restarted.stop();
  });

  it('1,000 messages with three random SIGKILLs: each reached the provider exactly once or is reported unknown, none twice', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `bulk-${i}`);
    harness.twilio.reply = () => ({ status: 201, delayMs: 5 + Math.floor(Math.random() * 15) });
    const env = { OPTLINE_DELIVERY_CONCURRENCY: '8' };
    let service = harness.start(env);
    await service.ready();
    await harness.producer.send(
      TOPICS.released.name,
      ids.map((id, i) => released(id, { e164: usNumber(2000 + i) })),
      releasedKey,
    );

    const kills: number[] = [];
    for (let k = 0; k < 3; k++) {
      const base = harness.twilio.requests.length;
      const threshold = base + 40 + Math.floor(Math.random() * 160);
      const deadline = Date.now() + 60000;
      while (harness.twilio.requests.length < threshold && harness.twilio.requests.length < ids.length) {
        if (Date.now() > deadline)
          throw new Error(`no progress before kill ${k}: ${harness.twilio.requests.length} requests`);
        await sleep(2 + Math.floor(Math.random() * 10));
      }
      service.child.kill('SIGKILL');
      await diedBySigkill(service);
      kills.push(harness.twilio.requests.length);
      service = harness.start(env);
      const restartAt = Date.now();
      await service.ready(90000);
      process.stdout.write(
        `restart ${k}: ready after ${Date.now() - restartAt} ms at ${harness.twilio.requests.length} requests\n`,
      );
    }

    const drainFrom = Date.now();
    const terminal = (o: Outcome) => o.status === 'sent' || o.status === 'failed';
    await harness.probe.waitFor(
      () =>
        new Set(
          harness
            .outcomes()
            .filter(terminal)
            .map((o) => o.messageId),
        ).size >= ids.length,
      120000,
      'an outcome for every message',
    );
    process.stdout.write(`drain: ${Date.now() - drainFrom} ms\n`);
    await sleep(1500); // a duplicate outcome would show by now
    await service.stop();

    const outcomes = new Map<string, Outcome[]>();
    for (const outcome of harness.outcomes())
      outcomes.set(outcome.messageId, [...(outcomes.get(outcome.messageId) ?? []), outcome]);
    const twice = ids.filter((id) => harness.twilio.requestsFor(id).length > 1);
    expect(twice).toEqual([]);
    let sent = 0;
    let unknown = 0;
    for (const id of ids) {
      const reported = outcomes.get(id) ?? [];
      expect({ id, outcomes: reported.length }).toEqual({ id, outcomes: 1 });
      const [outcome] = reported;
      if (outcome!.status === 'sent') {
        expect({ id, accepted: harness.twilio.acceptedCount(id) }).toEqual({ id, accepted: 1 });
        expect(outcome!.providerMessageId).toBe(harness.twilio.accepted.get(id)![0]);
        sent++;
      } else {
        expect({ id, outcome }).toMatchObject({
          id,
          outcome: { status: 'failed', detail: { unknownResult: true } },
        });
        unknown++;
      }
    }
    process.stdout.write(
      `crash run: SIGKILLs after ${kills.join(', ')} provider requests; ${sent} sent once, ${unknown} reported unknown ` +
        `(${ids.filter((id) => harness.twilio.requestsFor(id).length === 1 && outcomes.get(id)?.[0]?.status !== 'sent').length} of them reached the fake), 0 twice\n`,
    );
    expect(sent + unknown).toBe(ids.length);
    // Only the chunk in flight on each partition (3 partitions × 8) can be in doubt at each kill.
    expect(unknown).toBeLessThanOrEqual(3 * 3 * 8);
  });
});
