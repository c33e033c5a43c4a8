#!/usr/bin/env node
// `npm run bench`: how fast the pipeline is on this machine, measured against its own ceiling in one run.
// A benchmark, not a test. In order:
//   1. the relay: a pass-through over the pipeline's five Kafka hops (the same client and stream processor,
//      no logic): the ceiling, at full speed and at BENCH_RATE;
//   2. the broker's and PostgreSQL's idle CPU before the services start (the rest of the machine's share);
//   3. the six services as deployed: seeded recipients, a warm-up, then BENCH_IDLE_SECONDS of no traffic
//      (percent of one core per service, the six together, the broker, PostgreSQL) and the latency of the
//      first message after that quiet spell against the next few;
//   4. the pipeline at full speed for a transactional-only load (every request transactional, to consented,
//      reachable mobiles) and for the realistic mix (invalid numbers, landlines, opted-out and unconsented
//      recipients, quiet-hours deferrals, frequency caps), then paced at BENCH_RATE for BENCH_SECONDS.
// Every offered message counts: latency runs from its offer to its first terminal or deferred result (sent,
// blocked, expired, cancelled, deferred), with the count of each and of those that never settled. Each run
// reports settled messages per second, messages settled in each second, CPU ms per message of every process
// (services, broker, PostgreSQL) until the stack has caught up, and peak resident memory per process.
// Writes bench/results/<time>.json and .svg (ECharts), copies the chart to bench/results/latest.svg (the one
// README shows) and prints the tables. Redraw a chart: node tools/bench/chart.mjs bench/results/<time>.json.
//
// Environment:
//   BENCH_MESSAGES      messages in each full-speed run (default 20000)
//   BENCH_RATE          the paced rate, messages/s (default 1000)
//   BENCH_SECONDS       how long the paced run lasts (default 60)
//   BENCH_RATE_LOAD     mix | transactional: what the paced pipeline run sends (default mix)
//   BENCH_RECIPIENTS    recipients seeded for the pipeline (default 10000)
//   BENCH_IDLE_SECONDS  the quiet spell, and the broker's sample before the services start (default 30)
//   BENCH_ONLY          relay | pipeline: run one side only
//   DATABASE_URL, KAFKA_BROKERS as everywhere; a broker the bench had to start itself is stopped at the end.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { writeChart } from './bench/chart.mjs';
import { createDatabase, dropDatabase } from './bench/database.mjs';
import { benchPipeline } from './bench/pipeline.mjs';
import { benchRelay } from './bench/relay.mjs';
import { printReport } from './bench/report.mjs';
import { CLIENT, KAFKAJS_RELAY, SETTINGS, TARGETS, log } from './bench/settings.mjs';
import { ensureKafka, stopKafka } from './infra/broker.mjs';
import { ensureDatabase } from './infra/database.mjs';
import { REPO_ROOT } from './infra/settings.mjs';
import { warmUpKafka } from './lib/warm-up.mjs';

const share = (pipeline, relay) =>
  pipeline && relay ? Number((pipeline.messagesPerSecond / relay.messagesPerSecond).toFixed(2)) : null;

const kafkaStarted = (await ensureKafka()).started;
await ensureDatabase();
await warmUpKafka();
const dbName = `optline_bench_${Date.now().toString(36)}`;
const databaseUrl = await createDatabase(dbName);
try {
  const relay = SETTINGS.only === 'pipeline' ? null : await benchRelay(databaseUrl);
  if (relay) log(`relay: ${relay.throughput.messagesPerSecond} messages/s`);
  const pipeline = SETTINGS.only === 'relay' ? null : await benchPipeline(databaseUrl);
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    client: CLIENT,
    settings: Object.fromEntries(Object.entries(SETTINGS).filter(([key]) => key !== 'only')),
    targets: TARGETS,
    relay,
    relayBefore: KAFKAJS_RELAY,
    pipeline,
    ratio:
      relay && pipeline
        ? {
            transactional: share(pipeline.transactional, relay.throughput),
            mix: share(pipeline.mix, relay.throughput),
          }
        : null,
  };
  const stem = path.join(REPO_ROOT, 'bench', 'results', result.at.replace(/[:.]/g, '-'));
  mkdirSync(path.dirname(stem), { recursive: true });
  writeFileSync(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeChart(result, `${stem}.svg`, path.basename(`${stem}.json`));
  copyFileSync(`${stem}.svg`, path.join(path.dirname(stem), 'latest.svg'));
  printReport(result);
  console.log(
    `\n  written to ${path.relative(REPO_ROOT, stem)}.json and .svg (also bench/results/latest.svg)\n`,
  );
} finally {
  await dropDatabase(dbName).catch(() => undefined);
  if (kafkaStarted) await stopKafka();
}
