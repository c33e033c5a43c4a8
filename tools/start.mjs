#!/usr/bin/env node
// `npm start`: the whole stack on this machine. Kafka (unless KAFKA_BROKERS already answers), the database,
// then the six services as separate processes with prefixed logs. Ctrl-C stops everything cleanly.
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

import { runDemo } from './demo.mjs';
import { warmUpKafka } from './lib/warm-up.mjs';
import { ensureKafka, stopKafka } from './infra/broker.mjs';
import { ensureDatabase } from './infra/database.mjs';
import { REPO_ROOT } from './infra/settings.mjs';
import { startServices, stopServices, waitUntilReady, DEFAULT_PORTS, SERVICES } from './services.mjs';

const demo = process.env.OPTLINE_DEMO !== 'off' && !process.argv.includes('--no-demo');
const kafka = await ensureKafka();
await ensureDatabase();
await warmUpKafka();

// With the demo on, the terminal shows its summary and each service logs to .local/logs/<service>.log.
const logDir = path.join(REPO_ROOT, '.local', 'logs');
mkdirSync(logDir, { recursive: true });
const logFiles = Object.fromEntries(
  SERVICES.map((service) => [service, createWriteStream(path.join(logDir, `${service}.log`))]),
);
const output = demo ? (line, service) => logFiles[service].write(`${line}\n`) : undefined;
const services = startServices(output ? { output } : {});
let stopDemo = async () => undefined;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await stopDemo();
  process.stdout.write('\nstopping services...\n');
  const codes = await stopServices(services);
  if (kafka.started) await stopKafka();
  process.stdout.write(`stopped (${services.map((s, i) => `${s.service}=${codes[i]}`).join(' ')})\n`);
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  await waitUntilReady(services);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  await stop(1);
}
process.stdout.write(
  `\nOptline is up:\n${Object.entries(DEFAULT_PORTS)
    .map(([service, port]) => `  ${service.padEnd(10)} http://127.0.0.1:${port}/health/ready`)
    .join(
      '\n',
    )}\n  producer API docs  http://127.0.0.1:8080/docs\n  auditor API docs   http://127.0.0.1:8085/docs\nCtrl-C stops everything.\n\n`,
);
if (demo) stopDemo = await runDemo();
