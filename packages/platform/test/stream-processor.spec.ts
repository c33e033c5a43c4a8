import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { Client } from 'pg';

import { TOPICS } from '@optline/domain';

import type { TopicNames } from '../src/kafka/kafka';
import {
  TEST_BROKERS,
  TestProducer,
  TopicProbe,
  createTestDatabase,
  createTestTopics,
  type TestDatabase,
} from '../src/testing';

jest.setTimeout(120000);

const sendRequest = (id: string, tenantId = 'demo') => ({
  id,
  tenantId,
  occurredAt: '2026-11-28T10:00:00Z',
  to: '+12125550123',
  purpose: 'transactional',
  body: 'Your code is 1234',
});

function startEcho(
  db: TestDatabase,
  names: TopicNames,
  crashAt = '',
): { child: ChildProcess; exited: Promise<string> } {
  const child = spawn(process.execPath, [join(__dirname, 'fixtures/echo-processor.js')], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: TEST_BROKERS.join(','),
      TOPIC_PREFIX: names.prefix,
      CRASH_AT: crashAt,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<string>((done) =>
    child.on('exit', (code, signal) => done(`${code ?? signal}\n${log}`)),
  );
  return { child, exited };
}

async function handledCount(db: TestDatabase): Promise<Map<string, number>> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query<{ message_id: string; n: string }>(
    'select message_id, count(*) as n from handled group by message_id',
  );
  await client.end();
  return new Map(rows.map((row) => [row.message_id, Number(row.n)]));
}

describe('consume-process-produce on the real broker and database', () => {
  let db: TestDatabase;
  let names: TopicNames;
  let producer: TestProducer;
  let probe: TopicProbe;

  beforeEach(async () => {
    db = await createTestDatabase('platform');
    names = await createTestTopics('platform');
    producer = await TestProducer.connect(names);
    probe = await TopicProbe.start(names, [TOPICS.outcomes.name, TOPICS.dlq.name]);
  });

  afterEach(async () => {
    await probe.stop();
    await producer.disconnect();
    await db.drop();
  });

  it('round-trips records and dead-letters malformed and unknown-tenant ones without blocking the stream', async () => {
    const echo = startEcho(db, names);
    await producer.send(
      TOPICS.messages.name,
      [
        sendRequest('m1'),
        '{not json',
        sendRequest('m2', 'nobody'),
        { ...sendRequest('m3'), purpose: 'spam' },
        sendRequest('m4'),
      ],
      () => 'k',
    );
    await probe.waitFor(
      (p) => p.on(TOPICS.outcomes.name).length >= 2 && p.on(TOPICS.dlq.name).length >= 3,
      60000,
      'outputs',
    );
    echo.child.kill('SIGTERM');
    await echo.exited;

    expect(
      probe
        .on<{ messageId: string }>(TOPICS.outcomes.name)
        .map((o) => o.messageId)
        .sort(),
    ).toEqual(['m1', 'm4']);
    const letters = probe.on<{
      reason: string;
      errors: Array<{ path: string }>;
      value: string;
      topic: string;
    }>(TOPICS.dlq.name);
    expect(letters.map((l) => [l.reason, l.errors[0]?.path])).toEqual([
      ['MALFORMED', '(root)'],
      ['UNKNOWN_TENANT', 'tenantId'],
      ['MALFORMED', 'purpose'],
    ]);
    expect(letters[0]?.value).toBe('{not json');
    expect(letters[0]?.topic).toBe(names.actual(TOPICS.messages.name));
  });

  it.each(['before-send', 'after-send'])(
    'a consumer killed %s the Kafka commit replays without deciding twice or emitting twice',
    async (crashAt) => {
      const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
      await producer.send(
        TOPICS.messages.name,
        ids.map((id) => sendRequest(id)),
        () => 'same-partition',
      );
      const crashing = startEcho(db, names, crashAt);
      const exit = await crashing.exited;
      expect(exit.split('\n')[0]).toBe('SIGKILL');

      const restarted = startEcho(db, names);
      await probe
        .waitFor((p) => p.on(TOPICS.outcomes.name).length >= ids.length, 60000, 'all outcomes')
        .catch(async (error: Error) => {
          restarted.child.kill('SIGKILL');
          throw new Error(`${error.message}\n${await restarted.exited}`);
        });
      // A record sent after the replay, on the same partition, comes out after anything the replay produced.
      await producer.send(TOPICS.messages.name, [sendRequest('after')], () => 'same-partition');
      await probe.waitFor(
        (p) => p.on<{ messageId: string }>(TOPICS.outcomes.name).some((o) => o.messageId === 'after'),
        60000,
        'the record after the replay',
      );
      restarted.child.kill('SIGTERM');
      await restarted.exited;

      const seen = probe.on<{ messageId: string }>(TOPICS.outcomes.name).map((o) => o.messageId);
      expect(seen.sort()).toEqual([...ids, 'after'].sort());
      const handled = await handledCount(db);
      expect([...handled.values()].every((n) => n === 1)).toBe(true);
      expect(handled.size).toBe(ids.length + 1);
    },
  );
});
