import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { TOPICS } from '@optline/domain';

import {
  TEST_BROKERS,
  TestProducer,
  TopicProbe,
  createTestDatabase,
  createTestTopics,
  freePort,
} from '../src/testing';

jest.setTimeout(120000);

/** A consumer's errors go back to the stream processor intact through Nest (runService's global filter). */
describe('errors thrown by a Nest consumer', () => {
  it.each([
    ['transient', 'is retried until it passes, and nothing is dead-lettered', 'sent'],
    ['bug', 'dead-letters that record PROCESSING_FAILED after bounded retries; the others flow', 'dead'],
  ])('a %s error %s', async (kind, _, expected) => {
    const db = await createTestDatabase('flaky');
    const names = await createTestTopics('flaky');
    const child = spawn(process.execPath, [join(__dirname, 'fixtures/flaky-service.js')], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        KAFKA_BROKERS: TEST_BROKERS.join(','),
        OPTLINE_TOPIC_PREFIX: names.prefix,
        OPTLINE_PARTITIONS: '3',
        PORT: String(freePort()),
        LOG_LEVEL: 'fatal',
        ERROR_KIND: kind,
        FAIL_TIMES: '2',
        FAIL_ID: 'first',
      },
      stdio: 'ignore',
    });
    const producer = await TestProducer.connect(names);
    const probe = await TopicProbe.start(names, [TOPICS.outcomes.name, TOPICS.dlq.name]);
    try {
      const request = (id: string) => ({
        id,
        tenantId: 'demo',
        occurredAt: '2026-11-28T10:00:00Z',
        to: '+12125550123',
        purpose: 'transactional',
        body: 'code 1',
      });
      // One produce call, one partition: the failing record shares its batch with the others.
      await producer.send(TOPICS.messages.name, [request('first'), request('third')], () => 'k');
      await probe.waitFor((p) => p.records.length >= 2, 90000, 'outcomes or a dead letter');
      await producer.send(TOPICS.messages.name, [request('second')], () => 'k');
      await probe.waitFor(
        (p) => p.on(TOPICS.outcomes.name).some((o) => o.messageId === 'second'),
        60000,
        'the next record',
      );

      const outcomes = probe.on<{ messageId: string }>(TOPICS.outcomes.name).map((o) => o.messageId);
      const letters = probe.on<{ reason: string; errors: Array<{ message: string }> }>(TOPICS.dlq.name);
      if (expected === 'sent') {
        expect(outcomes).toEqual(['first', 'third', 'second']);
        expect(letters).toEqual([]);
      } else {
        expect(outcomes).toEqual(['third', 'second']);
        expect(letters).toHaveLength(1);
        expect(letters[0]!.reason).toBe('PROCESSING_FAILED');
        expect(letters[0]!.errors[0]!.message).toBe('TypeError: cannot read properties of undefined');
      }
      probe.expectValidRecords();
    } finally {
      child.kill('SIGTERM');
      await probe.stop();
      await producer.disconnect();
      await new Promise((done) => child.on('exit', done));
      await db.drop();
    }
  });
});
