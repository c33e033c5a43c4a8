#!/usr/bin/env node
// `npm start`: the whole stack on this machine. Kafka (unless KAFKA_BROKERS already answers), the database,
// then the six services as separate processes with prefixed logs. Ctrl-C stops everything cleanly.
import { ensureDatabase, ensureKafka, stopKafka } from './infra.mjs';
import { startServices, stopServices, waitUntilReady, DEFAULT_PORTS } from './services.mjs';

const kafka = await ensureKafka();
await ensureDatabase();

const services = startServices();
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
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
    .join('\n')}\n  producer API docs  http://127.0.0.1:8080/docs\n  auditor API docs   http://127.0.0.1:8085/docs\nCtrl-C stops everything.\n\n`,
);
