import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TOPICS } from '@optline/domain';

jest.setTimeout(240000);

/*
 * A broker of its own (other tests keep using the shared one): started, stopped for 5 s and started again
 * under a steady stream through a service started by runService.
 */
const port = 19000 + Math.floor(Math.random() * 900) * 2;
const brokers = `127.0.0.1:${port}`;
const dir = mkdtempSync(join(tmpdir(), 'optline-restart-'));
process.env.KAFKA_BROKERS = brokers;

const REPO = join(__dirname, '../../..');
/** Starts or stops this test's broker; the event loop keeps running meanwhile (readiness is polled). */
function infra(command: 'up' | 'down'): Promise<void> {
  const child = spawn(process.execPath, [join(REPO, 'tools/infra/cli.mjs'), command], {
    env: { ...process.env, KAFKA_BROKERS: brokers, OPTLINE_KAFKA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done, fail) =>
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`infra ${command} failed:\n${output}`)),
    ),
  );
}

beforeAll(() => infra('up'));
afterAll(async () => {
  await infra('down');
  rmSync(dir, { recursive: true, force: true });
});

it('a broker restart under a steady stream: readiness 503 during the stall, 200 after, one outcome per input', async () => {
  // Loaded after KAFKA_BROKERS names this test's broker.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const testing = require('../src/testing') as typeof import('../src/testing');
  const db = await testing.createTestDatabase('restart');
  const names = await testing.createTestTopics('restart');
  const servicePort = testing.freePort();
  const child = spawn(process.execPath, [join(__dirname, 'fixtures/flaky-service.js')], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: brokers,
      OPTLINE_TOPIC_PREFIX: names.prefix,
      OPTLINE_PARTITIONS: '3',
      OPTLINE_STALL_TIMEOUT_MS: '2000',
      PORT: String(servicePort),
      LOG_LEVEL: 'warn',
      ERROR_KIND: 'none',
      FAIL_TIMES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const producer = await testing.TestProducer.connect(names);
  const probe = await testing.TopicProbe.start(names, [TOPICS.messages.name, TOPICS.outcomes.name]);
  const readiness: number[] = [];
  let lastBody = '';
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const status = await fetch(`http://127.0.0.1:${servicePort}/health/ready`, {
        signal: AbortSignal.timeout(5000),
      }).then(
        async (response) => {
          lastBody = await response.text();
          return response.status;
        },
        () => 0,
      );
      readiness.push(status);
      await sleep(100);
    }
  })();
  let sent = 0;
  let streaming = true;
  const stream = (async () => {
    while (streaming) {
      await producer.send(TOPICS.messages.name, [request(`m${sent}`)], () => `k${sent}`);
      sent++;
      await sleep(20);
    }
  })();
  try {
    await until(() => readiness.at(-1) === 200, 'the service ready');
    await probe.waitFor((p) => p.on(TOPICS.outcomes.name).length >= 20, 60000, 'the stream flowing');

    await infra('down');
    await sleep(5000); // the broker stays down this long
    await infra('up');
    const restartedAt = readiness.length;
    await until(() => readiness.slice(restartedAt).includes(200), 'ready again').catch((error: Error) => {
      const faults = [...new Set(log.match(/Kafka transaction failed[^"]*/g) ?? [])];
      throw new Error(`${error.message}: ${lastBody}\n${faults.join('\n')}`);
    });
    await sleep(2000);
    streaming = false;
    await stream;
    await probe
      .waitFor(
        (p) => p.on(TOPICS.outcomes.name).length >= p.on(TOPICS.messages.name).length,
        90000,
        'every outcome',
      )
      .catch(async (error: Error) => {
        const metrics = await fetch(`http://127.0.0.1:${servicePort}/metrics`, {
          signal: AbortSignal.timeout(3000),
        }).then(
          (r) => r.text(),
          (e: Error) => `metrics: ${e.message}`,
        );
        const lag = metrics.split('\n').filter((line) => /^optline_consumer_(lag|stalled)/.test(line));
        const events = log.split('\n').filter((line) => !line.includes('Health Check'));
        throw new Error(`${error.message}; sent ${sent}\n${lag.join('\n')}\n${events.slice(-30).join('\n')}`);
      });

    const during = readiness.slice(0, restartedAt);
    expect(during.lastIndexOf(503)).toBeGreaterThan(during.indexOf(200));
    expect(readiness.at(-1)).toBe(200);
    // One outcome per input record. (The producer's own retries across the restart may write an input twice;
    // this service echoes records, it does not de-duplicate them as ingestion does.)
    const inputs = probe.on<{ id: string }>(TOPICS.messages.name).map((m) => m.id);
    const outcomes = probe.on<{ messageId: string }>(TOPICS.outcomes.name).map((o) => o.messageId);
    expect(outcomes.sort()).toEqual(inputs.sort());
    expect(new Set(inputs).size).toBe(sent);
  } finally {
    streaming = false;
    polling = false;
    await Promise.allSettled([stream, poll]);
    child.kill('SIGTERM');
    await new Promise((done) => child.on('exit', done));
    await probe.stop();
    await producer.disconnect();
    await db.drop();
  }
});

const request = (id: string) => ({
  id,
  tenantId: 'demo',
  occurredAt: '2026-11-28T10:00:00Z',
  to: '+12125550123',
  purpose: 'transactional',
  body: 'code 1',
});

async function until(condition: () => boolean, what: string, timeoutMs = 90000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
