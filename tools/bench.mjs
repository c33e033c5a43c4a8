#!/usr/bin/env node
// `npm run bench`: in one run on this machine, (a) a pass-through relay over the same number of Kafka hops
// as the pipeline (five consume-process-produce stages, same stream processor, no logic): our ceiling; then
// (b) the full pipeline of six services under a realistic mix (invalid numbers, landlines, opted-out and
// unconsented recipients, quiet-hours deferrals, frequency caps). It reports sustained messages per second,
// latency percentiles from acceptance to provider hand-off at 1,000 messages/s, the pipeline/relay ratio
// and peak memory per process, as a table and as JSON under bench/results/. A benchmark, not a test.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { cpuSeconds, cpuSecondsOf, latencies, peakMemoryMb } from './bench/measure.mjs';
import {
  createTopics,
  drive,
  producer as createProducer,
  readTopic,
  waitUntilIdle,
} from './bench/stream.mjs';
import { ensureKafka, stopKafka } from './infra/broker.mjs';
import { ensureDatabase } from './infra/database.mjs';
import { REPO_ROOT } from './infra/settings.mjs';
import { brokersFromEnv } from './lib/kafka.mjs';
import { warmUpKafka } from './lib/warm-up.mjs';
import { recipients, sendRequest, setupRecords } from './lib/workload.mjs';
import { SERVICES, startServices, stopServices, waitUntilReady } from './services.mjs';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/optline';
const HOPS = 5;
const THROUGHPUT_MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20000);
const LATENCY_RATE = Number(process.env.BENCH_RATE ?? 1000);
const LATENCY_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10000);
const PARTITIONS = 6;
// A message's first result counts for its latency: its terminal status, or its first deferral.
const SETTLED = new Set(['sent', 'blocked', 'expired', 'cancelled', 'deferred']);
const CLIENT = `@confluentinc/kafka-javascript ${createRequire(import.meta.url)('@confluentinc/kafka-javascript/package.json').version}`;
/** The relay's ceiling with kafkajs 2.2.4, the client before this one, measured on this machine by this benchmark. */
const KAFKAJS_RELAY = { client: 'kafkajs 2.2.4', messagesPerSecond: 7837 };

const log = (text) => process.stderr.write(`[bench] ${text}\n`);
const number = (value) => (value === null ? '-' : value.toLocaleString('en-US'));

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

async function benchRelay(databaseUrl) {
  const runId = Date.now().toString(36);
  const topics = Array.from({ length: HOPS + 1 }, (_, i) => `bench.relay.${runId}.hop${i}`);
  await createTopics(topics, PARTITIONS);
  const hops = Array.from({ length: HOPS }, (_, hop) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'tools/bench/relay-hop.cjs')], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: brokersFromEnv().join(','),
        HOP: String(hop),
        FROM_TOPIC: topics[hop],
        TO_TOPIC: topics[hop + 1],
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ready = new Promise((resolve, reject) => {
      child.stdout.once('data', resolve);
      child.once('exit', (code) =>
        reject(new Error(`relay hop ${hop} exited (${code}) before it was ready`)),
      );
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    return { child, ready, exited };
  });
  try {
    await Promise.all(hops.map((hop) => hop.ready));
    return await measureRelay(topics, hops);
  } finally {
    for (const { child } of hops)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(hops.map((hop) => hop.exited));
  }
}

async function measureRelay(topics, hops) {
  const settled = new Map();
  const consumer = await readTopic(topics[HOPS], (value, timestamp, now) => {
    if (!settled.has(value.id))
      settled.set(value.id, { status: 'sent', handedOffAt: timestamp, seenAt: now });
  });
  const producer = createProducer();
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
  return {
    messagesPerSecond: Math.round(THROUGHPUT_MESSAGES / throughput.seconds),
    latencyAt1000: latencies(paced.sentAt, settled),
    peakMemoryMb: memory,
  };
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
      // As deployed: no schema check of every emitted record.
      NODE_ENV: 'production',
    },
  });
  try {
    await waitUntilReady(services);
    return await measurePipeline(prefix, services);
  } finally {
    await stopServices(services);
  }
}

async function measurePipeline(prefix, services) {
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
  const producer = createProducer();
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
      messages: contacts
        .slice(i, i + 1000)
        .map((v) => ({ key: `${v.tenantId}:${v.externalId}`, value: JSON.stringify(v) })),
    });
  }
  for (let i = 0; i < consents.length; i += 1000) {
    await producer.send({
      topic: topic('optline.consents.v1'),
      messages: consents
        .slice(i, i + 1000)
        .map((v) => ({ key: `${v.tenantId}:${v.phone}`, value: JSON.stringify(v) })),
    });
  }
  await waitUntilIdle(
    prefix,
    SERVICES.map((service) => `${prefix}optline-${service}`),
  );

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
  return {
    messagesPerSecond: Math.round(THROUGHPUT_MESSAGES / throughput.seconds),
    latencyAt1000: latencies(paced.sentAt, settled),
    peakMemoryMb: memory,
    cpuPerMessageMs,
    outcomes: byStatus,
  };
}

function printReport(result) {
  const { relay, pipeline } = result;
  const ms = (v) => (v === null || v === undefined ? '-' : `${v} ms`);
  const rows = [
    ['', 'relay (ceiling)', 'pipeline'],
    ['messages/s (sustained)', number(relay.messagesPerSecond), number(pipeline.messagesPerSecond)],
    [`p50 at ${LATENCY_RATE}/s`, ms(relay.latencyAt1000.p50), ms(pipeline.latencyAt1000.p50)],
    [`p95 at ${LATENCY_RATE}/s`, ms(relay.latencyAt1000.p95), ms(pipeline.latencyAt1000.p95)],
    [`p99 at ${LATENCY_RATE}/s`, ms(relay.latencyAt1000.p99), ms(pipeline.latencyAt1000.p99)],
    [
      'latency samples',
      number(relay.latencyAt1000.samples ?? null),
      number(pipeline.latencyAt1000.samples ?? null),
    ],
  ];
  console.log(`\nOptline benchmark, ${result.machine.cpus} cores, Node ${process.version}, ${CLIENT}\n`);
  for (const row of rows)
    console.log(`  ${String(row[0]).padEnd(26)}${String(row[1]).padStart(18)}${String(row[2]).padStart(14)}`);
  console.log(`\n  relay ceiling  ${number(relay.messagesPerSecond).padStart(7)} messages/s  ${CLIENT}`);
  console.log(
    `                 ${number(KAFKAJS_RELAY.messagesPerSecond).padStart(7)} messages/s  ${KAFKAJS_RELAY.client}, before the change (this machine)`,
  );
  const ratio = result.ratio === null ? '' : `  ${result.ratio} of the relay`;
  console.log(
    pipeline.messagesPerSecond === null
      ? '  pipeline       not run (BENCH_ONLY=relay)'
      : `  pipeline       ${number(pipeline.messagesPerSecond).padStart(7)} messages/s${ratio}`,
  );
  console.log('\n  peak memory (MB):');
  for (const [name, mb] of Object.entries({ ...relay.peakMemoryMb, ...pipeline.peakMemoryMb }))
    console.log(`    ${name.padEnd(12)} ${mb}`);
  if (pipeline.cpuPerMessageMs) {
    console.log('\n  pipeline CPU per message (ms), throughput run:');
    for (const [name, cpu] of Object.entries(pipeline.cpuPerMessageMs))
      console.log(`    ${name.padEnd(12)} ${cpu}`);
    console.log('\n  pipeline outcomes:');
    for (const [key, count] of Object.entries(pipeline.outcomes).sort())
      console.log(`    ${key.padEnd(34)} ${count}`);
  }
}

const kafkaStarted = (await ensureKafka()).started;
await ensureDatabase();
await warmUpKafka();
const dbName = `optline_bench_${Date.now().toString(36)}`;
const databaseUrl = await createDatabase(dbName);
try {
  const skipped = { messagesPerSecond: null, latencyAt1000: {}, peakMemoryMb: {} };
  let relay = skipped;
  if (process.env.BENCH_ONLY !== 'pipeline') {
    log(`relay: ${HOPS} hops`);
    relay = await benchRelay(databaseUrl);
    log(
      `relay: ${relay.messagesPerSecond} messages/s (${KAFKAJS_RELAY.client}: ${KAFKAJS_RELAY.messagesPerSecond}), p99 ${relay.latencyAt1000.p99} ms at ${LATENCY_RATE}/s`,
    );
  }
  let pipeline = skipped;
  if (process.env.BENCH_ONLY !== 'relay') {
    log('pipeline: six services');
    pipeline = await benchPipeline(databaseUrl);
  }
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    client: CLIENT,
    settings: {
      hops: HOPS,
      partitions: PARTITIONS,
      throughputMessages: THROUGHPUT_MESSAGES,
      latencyRate: LATENCY_RATE,
      latencySeconds: LATENCY_SECONDS,
      recipients: RECIPIENTS,
    },
    relay,
    relayBefore: KAFKAJS_RELAY,
    pipeline,
    ratio:
      relay.messagesPerSecond && pipeline.messagesPerSecond
        ? Number((pipeline.messagesPerSecond / relay.messagesPerSecond).toFixed(2))
        : null,
  };
  const file = path.join(REPO_ROOT, 'bench', 'results', `${result.at.replace(/[:.]/g, '-')}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  printReport(result);
  console.log(`\n  written to ${path.relative(REPO_ROOT, file)}\n`);
} finally {
  await dropDatabase(dbName).catch(() => undefined);
  if (kafkaStarted) await stopKafka();
}
