// The ceiling: a pass-through relay over as many Kafka hops as the pipeline has (five consume-process-produce
// stages through the services' own stream processor and outbox, no logic), on the same client and broker.
import { spawn } from 'node:child_process';
import path from 'node:path';

import { REPO_ROOT } from '../infra/settings.mjs';
import { brokersFromEnv } from '../lib/kafka.mjs';
import { sendRequest } from '../lib/workload.mjs';
import { measuredRun } from './run.mjs';
import { SETTINGS } from './settings.mjs';
import { createTopics, producer as createProducer, readTopic } from './stream.mjs';

function startHop(hop, topics, databaseUrl) {
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
    child.once('exit', (code) => reject(new Error(`relay hop ${hop} exited (${code}) before it was ready`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { child, ready, exited };
}

/** The relay's full-speed run and its paced run, each summarized like the pipeline's. */
export async function benchRelay(databaseUrl) {
  const runId = Date.now().toString(36);
  const topics = Array.from({ length: SETTINGS.hops + 1 }, (_, i) => `bench.relay.${runId}.hop${i}`);
  await createTopics(topics, SETTINGS.partitions);
  const hops = Array.from({ length: SETTINGS.hops }, (_, hop) => startHop(hop, topics, databaseUrl));
  try {
    await Promise.all(hops.map((hop) => hop.ready));
    const pids = Object.fromEntries(hops.map((hop, i) => [`relay-${i}`, hop.child.pid]));
    const idle = {
      prefix: `bench.relay.${runId}.`,
      groups: topics.slice(0, SETTINGS.hops).map((topic, hop) => `relay-${hop}-${topic}`),
    };
    return await measureRelay(topics, pids, idle);
  } finally {
    for (const { child } of hops)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(hops.map((hop) => hop.exited));
  }
}

async function measureRelay(topics, pids, idle) {
  const settled = new Map();
  const reader = await readTopic(topics[SETTINGS.hops], (value, timestamp, now) => {
    if (!settled.has(value.id)) settled.set(value.id, { status: 'sent', decidedAt: timestamp, seenAt: now });
  });
  const producer = createProducer();
  await producer.connect();
  const person = { tenantId: 'demo', externalId: 'relay', phone: '+12125550123', region: 'US' };
  let n = 0;
  const make = (prefix) => (count) =>
    Array.from({ length: count }, () => sendRequest(person, n++, { purpose: 'transactional', prefix }));
  const target = { producer, topic: topics[0], keyOf: (m) => m.id };
  const common = { target, settled, pids, idle, load: 'pass-through' };
  try {
    await measuredRun({
      ...common,
      name: 'relay warm-up',
      total: SETTINGS.warmUpMessages,
      make: make('warm'),
    });
    const throughput = await measuredRun({
      ...common,
      name: 'relay full speed',
      total: SETTINGS.throughputMessages,
      make: make('tp'),
    });
    const paced = await measuredRun({
      ...common,
      name: `relay at ${SETTINGS.latencyRate}/s`,
      total: SETTINGS.latencyRate * SETTINGS.latencySeconds,
      make: make('lat'),
      rate: SETTINGS.latencyRate,
    });
    return { throughput, paced };
  } finally {
    await producer.disconnect();
    await reader.disconnect();
  }
}
