#!/usr/bin/env node
// `npm run bench`: in one run on this machine, (a) a pass-through relay over the same number of Kafka hops
// as the pipeline (five consume-process-produce stages, same stream processor, no logic): our ceiling; then
// (b) the full pipeline of six services under a realistic mix (invalid numbers, landlines, opted-out and
// unconsented recipients, quiet-hours deferrals, frequency caps). It reports sustained messages per second,
// latency percentiles from acceptance to provider hand-off at 1,000 messages/s, the pipeline/relay ratio
// and peak memory per process, as a table and as JSON under bench/results/. A benchmark, not a test.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import kafkajs from 'kafkajs';
import pg from 'pg';

import { REPO_ROOT, ensureDatabase, ensureKafka, stopKafka } from './infra.mjs';
import { warmUpKafka } from './lib/warm-up.mjs';
import { recipients, sendRequest, setupRecords } from './lib/workload.mjs';
import { SERVICES, startServices, stopServices, waitUntilReady } from './services.mjs';

const { Kafka, logLevel } = kafkajs;
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/optline';
const HOPS = 5;
const THROUGHPUT_MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20000);
const LATENCY_RATE = Number(process.env.BENCH_RATE ?? 1000);
const LATENCY_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10000);
const PARTITIONS = 6;
const SETTLED = new Set(['sent', 'blocked', 'expired', 'cancelled', 'deferred']);

const log = (text) => process.stderr.write(`[bench] ${text}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const kafka = new Kafka({ clientId: 'optline-bench', brokers: BROKERS, logLevel: logLevel.NOTHING });

async function createDatabase(name) {
  const admin = new URL(BASE_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name) {
  const admin = new URL(BASE_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function peakMemoryMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds used so far by every process whose command name is `comm` (the broker's java, PostgreSQL). */
function cpuSecondsOf(comm) {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== comm) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // the process ended
    }
  }
  return total;
}

/** Reads `topic` and calls `onRecord(value, timestampMs)` for each record. */
async function readTopic(topic, onRecord) {
  const consumer = kafka.consumer({ groupId: `bench-${Date.now()}-${Math.random()}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let joined;
  const hasJoined = new Promise((resolve) => (joined = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      for (const message of batch.messages)
        onRecord(JSON.parse(message.value.toString()), Number(message.timestamp), now);
    },
  });
  await hasJoined;
  return consumer;
}

/**
 * Produces `messages` either as fast as possible or paced at `rate` per second, remembering when each was
 * sent; resolves when `settled` has seen all of them (or times out).
 */
async function drive({ producer, topic, messages, keyOf, rate, settled, timeoutMs = 300000 }) {
  const sentAt = new Map();
  const started = Date.now();
  const batchSize = rate ? Math.max(1, Math.round(rate / 20)) : 500;
  for (let i = 0; i < messages.length; i += batchSize) {
    const batch = messages.slice(i, i + batchSize);
    const now = Date.now();
    for (const message of batch) sentAt.set(message.id, now);
    await producer.send({
      topic,
      acks: -1,
      messages: batch.map((m) => ({ key: keyOf(m), value: JSON.stringify(m) })),
    });
    if (rate) {
      const due = started + ((i + batch.length) / rate) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
    }
  }
  const producedIn = Date.now() - started;
  const deadline = Date.now() + timeoutMs;
  while ([...sentAt.keys()].some((id) => !settled.has(id))) {
    if (Date.now() > deadline) {
      log(
        `timed out: ${[...sentAt.keys()].filter((id) => !settled.has(id)).length} of ${messages.length} never settled`,
      );
      break;
    }
    await sleep(100);
  }
  const last = Math.max(...[...sentAt.keys()].map((id) => settled.get(id)?.seenAt ?? 0));
  return { sentAt, producedIn, seconds: (last - started) / 1000 };
}

function latencies(sentAt, settled, status) {
  const values = [];
  for (const [id, at] of sentAt) {
    const outcome = settled.get(id);
    if (outcome && (!status || outcome.status === status)) values.push(outcome.handedOffAt - at);
  }
  values.sort((a, b) => a - b);
  return {
    samples: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
  };
}

async function benchRelay(databaseUrl) {
  const runId = Date.now().toString(36);
  const topics = Array.from({ length: HOPS + 1 }, (_, i) => `bench.relay.${runId}.hop${i}`);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })),
  });
  await admin.disconnect();
  const hops = Array.from({ length: HOPS }, (_, hop) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'tools/bench/relay-hop.cjs')], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: BROKERS.join(','),
        HOP: String(hop),
        FROM_TOPIC: topics[hop],
        TO_TOPIC: topics[hop + 1],
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return { child, ready: new Promise((resolve) => child.stdout.once('data', resolve)) };
  });
  await Promise.all(hops.map((hop) => hop.ready));

  const settled = new Map();
  const consumer = await readTopic(topics[HOPS], (value, timestamp, now) => {
    if (!settled.has(value.id))
      settled.set(value.id, { status: 'sent', handedOffAt: timestamp, seenAt: now });
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const person = { tenantId: 'demo', externalId: 'relay', phone: '+12125550123', region: 'US' };
  const make = (prefix, count) =>
    Array.from({ length: count }, (_, i) => sendRequest(person, i, { purpose: 'transactional', prefix }));
  await drive({ producer, topic: topics[0], messages: make('warm', 2000), keyOf: (m) => m.id, settled });
  const throughput = await drive({
    producer,
    topic: topics[0],
    messages: make('tp', THROUGHPUT_MESSAGES),
    keyOf: (m) => m.id,
    settled,
  });
  const paced = await drive({
    producer,
    topic: topics[0],
    messages: make('lat', LATENCY_RATE * LATENCY_SECONDS),
    keyOf: (m) => m.id,
    rate: LATENCY_RATE,
    settled,
  });
  const memory = Object.fromEntries(hops.map((hop, i) => [`relay-${i}`, peakMemoryMb(hop.child.pid)]));
  await producer.disconnect();
  await consumer.disconnect();
  for (const hop of hops) hop.child.kill('SIGTERM');
  await Promise.all(hops.map((hop) => new Promise((resolve) => hop.child.on('exit', resolve))));
  return {
    messagesPerSecond: Math.round(THROUGHPUT_MESSAGES / throughput.seconds),
    latencyAt1000: latencies(paced.sentAt, settled),
    peakMemoryMb: memory,
  };
}

/** Waits until every service's consumer group has no lag left. */
async function waitUntilIdle(prefix, timeoutMs = 300000) {
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  try {
    while (quiet < 2 && Date.now() < deadline) {
      let lag = 0;
      for (const service of SERVICES) {
        const committed = await admin.fetchOffsets({ groupId: `${prefix}optline-${service}` });
        for (const { topic, partitions } of committed) {
          if (!topic.startsWith(prefix)) continue;
          const ends = await admin.fetchTopicOffsets(topic);
          for (const end of ends) {
            const done = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
            lag += Number(end.high) - Math.max(done, 0);
          }
        }
      }
      quiet = lag === 0 ? quiet + 1 : 0;
      if (quiet < 2) await sleep(1000);
    }
  } finally {
    await admin.disconnect();
  }
}

async function benchPipeline(databaseUrl) {
  const prefix = `bench.pipeline.${Date.now().toString(36)}.`;
  const services = startServices({
    output: () => undefined,
    env: {
      DATABASE_URL: databaseUrl,
      OPTLINE_TOPIC_PREFIX: prefix,
      OPTLINE_PARTITIONS: String(PARTITIONS),
      LOG_LEVEL: 'warn',
      OTEL_SDK_DISABLED: 'true',
    },
  });
  await waitUntilReady(services);
  const topic = (name) => `${prefix}${name}`;
  const settled = new Map();
  const byStatus = {};
  const consumer = await readTopic(topic('optline.outcomes.v1'), (outcome, _timestamp, now) => {
    const key = `${outcome.status}${outcome.reason ? ` ${outcome.reason}` : ''}`;
    byStatus[key] = (byStatus[key] ?? 0) + 1;
    if (SETTLED.has(outcome.status) && !settled.has(outcome.messageId)) {
      settled.set(outcome.messageId, {
        status: outcome.status,
        handedOffAt: Date.parse(outcome.at),
        seenAt: now,
      });
    }
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();

  log(`seeding ${RECIPIENTS} recipients`);
  const people = recipients({ tenantId: 'demo', count: RECIPIENTS, seed: 7 });
  const contacts = [];
  const consents = [];
  for (const person of people) {
    const setup = setupRecords(person);
    contacts.push(setup.contact);
    consents.push(...setup.consents);
  }
  for (let i = 0; i < contacts.length; i += 1000) {
    await producer.send({
      topic: topic('optline.contacts.v1'),
      acks: -1,
      messages: contacts
        .slice(i, i + 1000)
        .map((v) => ({ key: `${v.tenantId}:${v.externalId}`, value: JSON.stringify(v) })),
    });
  }
  for (let i = 0; i < consents.length; i += 1000) {
    await producer.send({
      topic: topic('optline.consents.v1'),
      acks: -1,
      messages: consents
        .slice(i, i + 1000)
        .map((v) => ({ key: `${v.tenantId}:${v.phone}`, value: JSON.stringify(v) })),
    });
  }
  await waitUntilIdle(prefix);

  let n = 0;
  const make = (prefixId, count) =>
    Array.from({ length: count }, () => {
      const person = people[(n * 7919) % people.length];
      return sendRequest(person, n++, {
        purpose: n % 5 === 0 ? 'transactional' : 'marketing',
        prefix: prefixId,
      });
    });
  const keyOf = (m) => `${m.tenantId}:${m.id}`;
  log('warming up');
  await drive({
    producer,
    topic: topic('optline.messages.v1'),
    messages: make('warm', 2000),
    keyOf,
    settled,
  });
  log(`throughput: ${THROUGHPUT_MESSAGES} messages as fast as they go`);
  const cpuBefore = Object.fromEntries(services.map((proc) => [proc.service, cpuSeconds(proc.child.pid)]));
  const infraBefore = { kafka: cpuSecondsOf('java'), postgres: cpuSecondsOf('postgres') };
  const throughput = await drive({
    producer,
    topic: topic('optline.messages.v1'),
    messages: make('tp', THROUGHPUT_MESSAGES),
    keyOf,
    settled,
  });
  // Where the time goes: CPU each service spent per message during the throughput run.
  const perMessage = (seconds) => Number(((seconds * 1000) / THROUGHPUT_MESSAGES).toFixed(3));
  const cpuPerMessageMs = {
    ...Object.fromEntries(
      services.map((proc) => [
        proc.service,
        perMessage(cpuSeconds(proc.child.pid) - cpuBefore[proc.service]),
      ]),
    ),
    'kafka broker': perMessage(cpuSecondsOf('java') - infraBefore.kafka),
    postgresql: perMessage(cpuSecondsOf('postgres') - infraBefore.postgres),
  };
  log(`latency: ${LATENCY_RATE}/s for ${LATENCY_SECONDS} s`);
  const paced = await drive({
    producer,
    topic: topic('optline.messages.v1'),
    messages: make('lat', LATENCY_RATE * LATENCY_SECONDS),
    keyOf,
    rate: LATENCY_RATE,
    settled,
  });
  const memory = Object.fromEntries(services.map((proc) => [proc.service, peakMemoryMb(proc.child.pid)]));
  await producer.disconnect();
  await consumer.disconnect();
  await stopServices(services);
  return {
    messagesPerSecond: Math.round(THROUGHPUT_MESSAGES / throughput.seconds),
    latencyAt1000: latencies(paced.sentAt, settled, 'sent'),
    peakMemoryMb: memory,
    cpuPerMessageMs,
    outcomes: byStatus,
  };
}

const kafkaStarted = (await ensureKafka()).started;
await ensureDatabase();
await warmUpKafka();
const dbName = `optline_bench_${Date.now().toString(36)}`;
const databaseUrl = await createDatabase(dbName);
try {
  let relay = { messagesPerSecond: null, latencyAt1000: {}, peakMemoryMb: {} };
  if (process.env.BENCH_ONLY !== 'pipeline') {
    log(`relay: ${HOPS} hops`);
    relay = await benchRelay(databaseUrl);
    log(
      `relay: ${relay.messagesPerSecond} messages/s, p99 ${relay.latencyAt1000.p99} ms at ${LATENCY_RATE}/s`,
    );
  }
  if (process.env.BENCH_ONLY === 'relay') process.exit(0);
  log('pipeline: six services');
  const pipeline = await benchPipeline(databaseUrl);
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    settings: {
      hops: HOPS,
      partitions: PARTITIONS,
      throughputMessages: THROUGHPUT_MESSAGES,
      latencyRate: LATENCY_RATE,
      latencySeconds: LATENCY_SECONDS,
      recipients: RECIPIENTS,
    },
    relay,
    pipeline,
    ratio: Number((pipeline.messagesPerSecond / relay.messagesPerSecond).toFixed(2)),
  };
  const file = path.join(REPO_ROOT, 'bench', 'results', `${result.at.replace(/[:.]/g, '-')}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const ms = (v) => (v === null ? '-' : `${v} ms`);
  const rows = [
    ['', 'relay (ceiling)', 'pipeline'],
    ['messages/s (sustained)', relay.messagesPerSecond, pipeline.messagesPerSecond],
    [`p50 at ${LATENCY_RATE}/s`, ms(relay.latencyAt1000.p50), ms(pipeline.latencyAt1000.p50)],
    [`p95 at ${LATENCY_RATE}/s`, ms(relay.latencyAt1000.p95), ms(pipeline.latencyAt1000.p95)],
    [`p99 at ${LATENCY_RATE}/s`, ms(relay.latencyAt1000.p99), ms(pipeline.latencyAt1000.p99)],
    ['latency samples', relay.latencyAt1000.samples, pipeline.latencyAt1000.samples],
  ];
  console.log(`\nOptline benchmark, ${result.machine.cpus} cores, Node ${process.version}\n`);
  for (const row of rows)
    console.log(`  ${String(row[0]).padEnd(26)}${String(row[1]).padStart(18)}${String(row[2]).padStart(14)}`);
  console.log(`\n  pipeline / relay: ${result.ratio}`);
  console.log('\n  peak memory (MB):');
  for (const [name, mb] of Object.entries({ ...relay.peakMemoryMb, ...pipeline.peakMemoryMb }))
    console.log(`    ${name.padEnd(12)} ${mb}`);
  console.log('\n  pipeline CPU per message (ms), throughput run:');
  for (const [name, ms] of Object.entries(pipeline.cpuPerMessageMs))
    console.log(`    ${name.padEnd(12)} ${ms}`);
  console.log('\n  pipeline outcomes:');
  for (const [key, count] of Object.entries(pipeline.outcomes).sort())
    console.log(`    ${key.padEnd(34)} ${count}`);
  console.log(`\n  written to ${path.relative(REPO_ROOT, file)}\n`);
} finally {
  await dropDatabase(dbName).catch(() => undefined);
  if (kafkaStarted) await stopKafka();
}
