import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { z } from 'zod';

import { TOPICS } from '@optline/domain';

import { createPool } from '../src/db/database';
import { migrate } from '../src/db/migrations';
import type { TopicNames } from '../src/kafka/kafka';
import { StreamProcessor } from '../src/kafka/stream-processor';
import { createKafka } from '../src/kafka/kafka';
import { createLogger } from '../src/telemetry/logger';
import { StreamMetrics } from '../src/telemetry/metrics';
import {
  REPO_ROOT,
  TEST_BROKERS,
  TestProducer,
  TopicProbe,
  createTestDatabase,
  createTestTopics,
  testKafka,
  type TestDatabase,
} from '../src/testing';

jest.setTimeout(180000);

const sendRequest = (id: string) => ({
  id,
  tenantId: 'demo',
  occurredAt: '2026-11-28T10:00:00Z',
  to: '+12125550123',
  purpose: 'transactional',
  body: 'Your code is 1234',
});

let db: TestDatabase;
let names: TopicNames;

beforeEach(async () => {
  db = await createTestDatabase('eos');
  names = await createTestTopics('eos');
});

afterEach(async () => {
  await db.drop();
});

/*
 * kafkajs 2.2.4, pointed at this same sequence, delivered ["aborted-by-T1", "committed-after"] to a
 * read_committed consumer: its filterAbortedMessages moves past one aborted transaction per record and assumes
 * the broker's list is sorted by first offset. librdkafka filters both aborted transactions.
 */
it('aborted transactions stay invisible', async () => {
  const topic = names.actual(TOPICS.audit.name);
  const kafka = testKafka();
  const t1 = kafka.producer({ kafkaJS: { transactionalId: `t1-${names.prefix}`, idempotent: true } });
  const t2 = kafka.producer({ kafkaJS: { transactionalId: `t2-${names.prefix}`, idempotent: true } });
  const plain = kafka.producer({ kafkaJS: { idempotent: true, acks: -1 } });
  await Promise.all([t1.connect(), t2.connect(), plain.connect()]);
  await t1.transaction();
  await t1.send({ topic, messages: [{ key: 'k', value: '"aborted-by-T1"', partition: 0 }] });
  await t2.transaction();
  await t2.send({ topic, messages: [{ key: 'k', value: '"aborted-by-T2"', partition: 0 }] });
  await t2.abort();
  await t1.abort();
  await plain.send({ topic, messages: [{ key: 'k', value: '"committed-after"', partition: 0 }] });
  await Promise.all([t1.disconnect(), t2.disconnect(), plain.disconnect()]);

  // Read through the platform's own stream processor, which every service consumes with.
  await migrate(db.url, 'public', join(__dirname, 'fixtures/migrations'));
  const pool = createPool(db.url);
  const logger = createLogger('aborted-test', 'fatal');
  const seen: unknown[] = [];
  const processor = new StreamProcessor({
    kafka: createKafka('aborted-test', TEST_BROKERS, logger),
    pool,
    names,
    groupId: `aborted-${names.prefix}`,
    instanceId: '0',
    logger,
    metrics: new StreamMetrics('aborted-test'),
    handlers: [
      {
        topic: { name: TOPICS.audit.name, schema: z.string(), direction: 'out', key: '' },
        async handle(records) {
          seen.push(...records.map((record) => record.value));
          return [];
        },
      },
    ],
  });
  try {
    await processor.start();
    const deadline = Date.now() + 60000;
    while (!seen.includes('committed-after') && Date.now() < deadline) await sleep(50);
  } finally {
    await processor.stop();
    await pool.end();
  }
  expect(seen).toEqual(['committed-after']);
});

it('one record of 900 KB with 80,000 unknown keys gets one bounded dead letter; its batch-mates their outcomes', async () => {
  const producer = await TestProducer.connect(names);
  const probe = await TopicProbe.start(names, [TOPICS.outcomes.name, TOPICS.dlq.name]);
  const echo = startEcho({});
  try {
    const huge: Record<string, unknown> = { ...sendRequest('huge') };
    for (let i = 0; i < 80000; i++) huge[`u${i.toString(36)}`] = 100;
    const hugeText = JSON.stringify(huge);
    expect(hugeText.length).toBeGreaterThan(850 * 1000);
    expect(hugeText.length).toBeLessThan(950 * 1000);
    const values = [sendRequest('v1'), sendRequest('v2'), hugeText, sendRequest('v3'), sendRequest('v4')];
    values.push(sendRequest('v5'));
    await producer.send(TOPICS.messages.name, values, () => 'one-partition');
    await probe.waitFor(
      (p) => p.on(TOPICS.outcomes.name).length >= 5 && p.on(TOPICS.dlq.name).length >= 1,
      90000,
      'five outcomes and a dead letter',
    );
    const outcomes = probe.on<{ messageId: string }>(TOPICS.outcomes.name).map((o) => o.messageId);
    expect(outcomes.sort()).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    const [letter, ...others] = probe.records.filter((r) => r.topic === TOPICS.dlq.name);
    expect(others).toEqual([]);
    const value = letter!.value as { reason: string; errors: unknown[]; value: string };
    expect(value.reason).toBe('MALFORMED');
    expect(value.errors).toHaveLength(100);
    expect(Buffer.byteLength(value.value)).toBe(64 * 1024);
    expect(Buffer.byteLength(letter!.raw)).toBeLessThan(1024 * 1024);
    probe.expectValidRecords();
  } finally {
    await stop(echo);
    await probe.stop();
    await producer.disconnect();
  }
});

/*
 * Instance A is stopped (SIGSTOP) after its batch's state is committed and before its Kafka transaction, for
 * longer than the session timeout; B takes the partitions over and replays A's stored outputs; then A is
 * continued and tries to commit. Its commit carries the old group generation, so the broker refuses it.
 * Counted with Kafka's own console consumer, an independent client.
 */
it('a stalled instance is fenced: every input has exactly one output after it wakes', async () => {
  const producer = await TestProducer.connect(names);
  const probe = await TopicProbe.start(names, [TOPICS.outcomes.name]);
  const a = startEcho({ INSTANCE_ID: 'a', ANNOUNCE: '1' });
  let b: Echo | undefined;
  try {
    const first = Array.from({ length: 30 }, (_, i) => `f${i}`);
    await producer.send(
      TOPICS.messages.name,
      first.map((id) => sendRequest(id)),
      (_, i) => `k${i}`,
    );
    await a.announced;
    a.child.kill('SIGSTOP');
    b = startEcho({ INSTANCE_ID: 'b' });
    await probe.waitFor((p) => p.on(TOPICS.outcomes.name).length >= first.length, 90000, 'B takes over');
    // B has every output; A has slept past the session timeout (10 s) since it was stopped.
    a.child.kill('SIGCONT');
    const second = Array.from({ length: 30 }, (_, i) => `s${i}`);
    await producer.send(
      TOPICS.messages.name,
      second.map((id) => sendRequest(id)),
      (_, i) => `k${i}`,
    );
    const all = [...first, ...second];
    await probe.waitFor((p) => p.on(TOPICS.outcomes.name).length >= all.length, 90000, 'the second wave');
    await a.fencedOrRejoined();

    const counted = consoleConsume(names.actual(TOPICS.outcomes.name));
    const ids = counted.map((line) => (JSON.parse(line) as { messageId: string }).messageId);
    expect(ids.sort()).toEqual(all.sort());
  } finally {
    await stop(a);
    if (b) await stop(b);
    await probe.stop();
    await producer.disconnect();
  }
});

interface Echo {
  child: ChildProcess;
  exited: Promise<string>;
  /** Resolves when the instance has committed a batch's state and paused before its Kafka transaction. */
  announced: Promise<void>;
  /** Resolves once the woken instance reported its commit refused and its batch dropped or handed back. */
  fencedOrRejoined(): Promise<void>;
}

function startEcho(extra: Record<string, string>): Echo {
  const child = spawn(process.execPath, [join(__dirname, 'fixtures/echo-processor.js')], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: TEST_BROKERS.join(','),
      TOPIC_PREFIX: names.prefix,
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let announce!: () => void;
  const announced = new Promise<void>((done) => (announce = done));
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    if (log.includes('stored\n')) announce();
  });
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<string>((done) =>
    child.on('exit', (code, signal) => done(`${code ?? signal}\n${log}`)),
  );
  return {
    child,
    exited,
    announced,
    async fencedOrRejoined() {
      const deadline = Date.now() + 60000;
      while (!/batch dropped|handed back for re-delivery/.test(log)) {
        if (Date.now() > deadline) throw new Error(`the woken instance said nothing:\n${log.slice(-3000)}`);
        await sleep(100);
      }
    },
  };
}

async function stop(echo: Echo): Promise<void> {
  echo.child.kill('SIGCONT');
  echo.child.kill('SIGTERM');
  await echo.exited;
}

/** Every committed record of a topic, read with Kafka's ConsoleConsumer (`--isolation-level read_committed`). */
function consoleConsume(topic: string): string[] {
  const tool = spawnSync(process.execPath, [join(REPO_ROOT, 'tools/infra/cli.mjs'), 'tool-classpath'], {
    encoding: 'utf8',
  });
  const { java, classpath, jvmArgs } = JSON.parse(tool.stdout) as {
    java: string;
    classpath: string;
    jvmArgs: string[];
  };
  const run = spawnSync(
    java,
    [
      ...jvmArgs,
      '-cp',
      classpath,
      'org.apache.kafka.tools.consumer.ConsoleConsumer',
      '--bootstrap-server',
      TEST_BROKERS[0]!,
      '--topic',
      topic,
      '--from-beginning',
      '--isolation-level',
      'read_committed',
      '--timeout-ms',
      '8000',
    ],
    { encoding: 'utf8', timeout: 60000 },
  );
  return run.stdout.split('\n').filter((line) => line.startsWith('{'));
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
