#!/usr/bin/env node
// `npm test`: makes sure a Kafka broker and the database answer (starting the local broker when none does,
// and stopping it again afterwards), then runs every package's tests through Turborepo.
import { spawn } from 'node:child_process';

import { ensureKafka, stopKafka } from './infra/broker.mjs';
import { ensureDatabase } from './infra/database.mjs';
import { REPO_ROOT } from './infra/settings.mjs';
import { warmUpKafka } from './lib/warm-up.mjs';

const kafka = await ensureKafka();
await ensureDatabase();
await warmUpKafka();

// --continue: every package's tests run, so one failure does not hide another; any failure still fails.
const args = [
  'turbo',
  'run',
  'test',
  '--concurrency=2',
  '--continue',
  '--output-logs=new-only',
  ...process.argv.slice(2),
];
const child = spawn('npx', args, {
  cwd: REPO_ROOT,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});
let code = await new Promise((resolve) =>
  child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
);

// Tests that restart a broker of their own run after the others, alone: they measure recovery, which a
// machine busy with two other test suites would slow past their limits.
if (process.argv.length <= 2) {
  const alone = spawn('npm', ['run', 'test:alone', '-w', '@optline/platform'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  const aloneCode = await new Promise((resolve) =>
    alone.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
  );
  code ||= aloneCode;
}

if (kafka.started) await stopKafka();
process.exit(code);
