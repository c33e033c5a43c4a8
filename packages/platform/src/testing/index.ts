/*
 * Helpers for integration tests against the real broker and server: a fresh database and topic namespace
 * per run, service processes started from their built output, and probes that read what came out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

import { KafkaJS } from '@confluentinc/kafka-javascript';
import { Client } from 'pg';

import { topicByName, type ServiceName } from '@optline/domain';

import { NODE_FLAGS } from '../config/service-config';
import { provisionTopics, TopicNames } from '../kafka/kafka';

export const TEST_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
export const TEST_DATABASE_BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/optline';
export const REPO_ROOT = resolve(__dirname, '../../../..');

export function testKafka(clientId = 'optline-test'): KafkaJS.Kafka {
  return new KafkaJS.Kafka({
    kafkaJS: { clientId, brokers: TEST_BROKERS, logLevel: KafkaJS.logLevel.NOTHING },
  });
}

export function randomSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the real server, dropped by `drop()`. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `optline_${label.replace(/[^a-z0-9]/g, '_')}_${randomSuffix()}`;
  const admin = new URL(TEST_DATABASE_BASE);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  const url = new URL(TEST_DATABASE_BASE);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/** A topic namespace of its own for one test run, with every contract topic created in it. */
export async function createTestTopics(label = 'test', partitions = 3): Promise<TopicNames> {
  const names = new TopicNames(`t.${label}.${randomSuffix()}.`);
  const kafka = testKafka();
  await provisionTopics(kafka, names, partitions);
  return names;
}

/** librdkafka's RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS, passed to the rebalance callback on assignment. */
const ASSIGN_PARTITIONS = -175;

export interface ProbedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: unknown;
  raw: string;
  headers: Record<string, string>;
}

/**
 * Reads topics from the beginning (read-committed) and keeps what arrives, for assertions. Every record it
 * sees on a contract topic is parsed against that topic's schema: a service that writes a shape its
 * consumers would reject fails the test that saw it (`schemaErrors`).
 */
export class TopicProbe {
  readonly records: ProbedRecord[] = [];
  readonly schemaErrors: string[] = [];
  private readonly positions = new Set<string>();
  private constructor(
    private readonly consumer: KafkaJS.Consumer,
    private readonly names: TopicNames,
  ) {}

  static async start(names: TopicNames, topics: string[]): Promise<TopicProbe> {
    let joined!: () => void;
    const hasJoined = new Promise<void>((done) => (joined = done));
    const consumer = testKafka().consumer({
      kafkaJS: { groupId: `probe-${randomSuffix()}`, fromBeginning: true, maxWaitTimeInMs: 50 },
      'isolation.level': 'read_committed',
      rebalance_cb: (error: { code: number }) => {
        if (error.code === ASSIGN_PARTITIONS) joined();
      },
    });
    const probe = new TopicProbe(consumer, names);
    await consumer.connect();
    await consumer.subscribe({ topics: topics.map((topic) => names.actual(topic)) });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        // A consumer re-delivers what it had not committed after a rebalance; the probe keeps each record once,
        // so a duplicate it reports is a second record on the topic, never a second delivery of one.
        const position = `${topic}:${partition}:${message.offset}`;
        if (probe.positions.has(position)) return;
        probe.positions.add(position);
        const raw = message.value?.toString('utf8') ?? '';
        let value: unknown = raw;
        try {
          value = JSON.parse(raw);
        } catch {
          // keep the raw text
        }
        const headers: Record<string, string> = {};
        for (const [name, header] of Object.entries(message.headers ?? {})) headers[name] = String(header);
        const spec = topicByName(names.canonical(topic));
        const checked = spec?.schema.safeParse(value);
        if (checked && !checked.success) {
          probe.schemaErrors.push(`${spec!.name}@${partition}:${message.offset}: ${checked.error.message}`);
        }
        probe.records.push({
          topic: names.canonical(topic),
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value,
          raw,
          headers,
        });
      },
    });
    await hasJoined;
    return probe;
  }

  /** Fails if any record seen so far did not match its topic's schema. */
  expectValidRecords(): void {
    if (this.schemaErrors.length > 0)
      throw new Error(`records off their schema:\n${this.schemaErrors.join('\n')}`);
  }

  on<T = Record<string, unknown>>(topic: string): T[] {
    return this.records.filter((record) => record.topic === topic).map((record) => record.value as T);
  }

  /**
   * Waits until `predicate` holds for what has arrived, or fails after `timeoutMs`. Then it lets the stream go
   * quiet: records committed together on several topics reach the probe at slightly different moments, and
   * the caller may go on to assert on another topic than the one it waited for.
   */
  async waitFor(
    predicate: (probe: TopicProbe) => boolean,
    timeoutMs = 30000,
    what = 'condition',
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline) {
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}; saw ${this.records.length} records`,
        );
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    await this.settle();
  }

  /** Resolves once no record has arrived for `quietMs`, or after `maxMs` of a steady stream (kept short, so
   * a test that acts mid-stream, such as a SIGKILL halfway, still acts halfway). */
  private async settle(quietMs = 150, maxMs = 500): Promise<void> {
    const end = Date.now() + maxMs;
    let seen = this.records.length;
    let quietSince = Date.now();
    while (Date.now() < end && Date.now() - quietSince < quietMs) {
      await new Promise((done) => setTimeout(done, 50));
      if (this.records.length !== seen) {
        seen = this.records.length;
        quietSince = Date.now();
      }
    }
  }

  /** Stops reading; fails if the system wrote a record off its topic's schema (input topics excepted). */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    const systemWritten = this.schemaErrors.filter(
      (error) => topicByName(error.split('@')[0]!)?.direction !== 'in',
    );
    if (systemWritten.length > 0) throw new Error(`records off their schema:\n${systemWritten.join('\n')}`);
  }
}

/** A plain producer for feeding test input (values given as objects are JSON-encoded; strings go as-is). */
export class TestProducer {
  private constructor(
    private readonly producer: KafkaJS.Producer,
    private readonly names: TopicNames,
  ) {}

  static async connect(names: TopicNames): Promise<TestProducer> {
    const producer = testKafka().producer({ kafkaJS: { idempotent: true, acks: -1 }, 'linger.ms': 2 });
    await producer.connect();
    return new TestProducer(producer, names);
  }

  async send(
    topic: string,
    values: Array<unknown>,
    keyOf: (value: unknown, index: number) => string | null = () => null,
    headers?: Record<string, string>,
  ) {
    await this.producer.send({
      topic: this.names.actual(topic),
      messages: values.map((value, index) => ({
        key: keyOf(value, index),
        headers,
        value: typeof value === 'string' ? value : JSON.stringify(value),
      })),
    });
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** A port for a test service, below Linux's ephemeral range (32768+) so no outgoing connection can hold it. */
export function freePort(): number {
  return 20000 + Math.floor(Math.random() * 12000);
}

export interface ServiceProcess {
  service: ServiceName;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string | null>;
  output(): string;
  /** Resolves when GET /health/ready answers 200. */
  ready(timeoutMs?: number): Promise<void>;
  /** Sends the signal and resolves with the exit code (or signal) once the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
}

/** Starts a service from its built output as its own OS process, on a free-ish port. */
export function startService(
  service: ServiceName,
  env: { databaseUrl: string; names: TopicNames; port?: number; extra?: Record<string, string> },
): ServiceProcess {
  const port = env.port ?? freePort();
  const child = spawn(
    process.execPath,
    [...(NODE_FLAGS[service] ?? []), join(REPO_ROOT, 'apps', service, 'dist', 'main.js')],
    {
      env: {
        ...process.env,
        DATABASE_URL: env.databaseUrl,
        KAFKA_BROKERS: TEST_BROKERS.join(','),
        OPTLINE_TOPIC_PREFIX: env.names.prefix,
        OPTLINE_PARTITIONS: '3',
        PORT: String(port),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        ...env.extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | string | null>((done) =>
    child.on('exit', (code, signal) => done(code ?? signal)),
  );
  return {
    service,
    port,
    child,
    exited,
    output: () => log,
    async ready(timeoutMs = 60000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`${service} exited before it was ready:\n${log.slice(-4000)}`);
        }
        try {
          const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
          if (response.status === 200) return;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline)
          throw new Error(`${service} not ready after ${timeoutMs} ms:\n${log.slice(-4000)}`);
        await new Promise((done) => setTimeout(done, 200));
      }
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
