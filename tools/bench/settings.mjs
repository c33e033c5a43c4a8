// The benchmark's knobs (documented at the top of tools/bench.mjs and in README) and its fixed settings.
import { createRequire } from 'node:module';

const positive = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
};

const oneOf = (name, allowed, fallback) => {
  const value = process.env[name] || fallback;
  if (value !== undefined && !allowed.includes(value))
    throw new Error(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value;
};

export const SETTINGS = {
  hops: 5,
  partitions: 6,
  /** Messages in each full-speed run (relay, pipeline transactional, pipeline mix). */
  throughputMessages: positive('BENCH_MESSAGES', 20000),
  /** The paced run: this many messages per second for this many seconds. */
  latencyRate: positive('BENCH_RATE', 1000),
  latencySeconds: positive('BENCH_SECONDS', 60),
  /** What the paced pipeline run sends: the realistic mix, or transactional messages only. */
  latencyLoad: oneOf('BENCH_RATE_LOAD', ['mix', 'transactional'], 'mix'),
  recipients: positive('BENCH_RECIPIENTS', 10000),
  /** The quiet spell: how long the stack's idle CPU is sampled, with no traffic. */
  idleSeconds: positive('BENCH_IDLE_SECONDS', 30),
  only: oneOf('BENCH_ONLY', ['relay', 'pipeline'], undefined),
  warmUpMessages: 2000,
  /** A drive gives up on the messages still pending once nothing has settled for this long. */
  stallMs: 30_000,
};

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/optline';

/** A message's first result counts for its latency: its terminal status, or its first deferral. */
export const SETTLED = new Set(['sent', 'blocked', 'expired', 'cancelled', 'deferred']);

export const CLIENT = `@confluentinc/kafka-javascript ${
  createRequire(import.meta.url)('@confluentinc/kafka-javascript/package.json').version
}`;

/** The relay's ceiling with kafkajs 2.2.4, the client before this one, measured on this machine by this benchmark. */
export const KAFKAJS_RELAY = { client: 'kafkajs 2.2.4', messagesPerSecond: 7837 };

/** The targets of DESIGN.md and of the issue that set them, drawn on the chart. */
export const TARGETS = { messagesPerSecond: 5000, relayShare: 0.5, p99Ms: 250, serviceMemoryMb: 200 };

export const log = (text) => process.stderr.write(`[bench] ${text}\n`);
