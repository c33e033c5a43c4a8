// Starting and stopping the six services as separate processes, shared by `npm start`, the demo and the
// benchmark. Each service's JSON log lines are shown as short, prefixed, readable lines.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { REPO_ROOT } from './infra/settings.mjs';

const { NODE_FLAGS } = createRequire(import.meta.url)('../packages/platform/dist/index.js');

export const SERVICES = ['ingestion', 'validation', 'consent', 'scheduling', 'delivery', 'audit'];
export const DEFAULT_PORTS = {
  ingestion: 8080,
  validation: 8081,
  consent: 8082,
  scheduling: 8083,
  delivery: 8084,
  audit: 8085,
};

const COLOURS = [36, 32, 33, 35, 34, 31];
const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** One readable line from a pino JSON line; anything else passes through. */
export function readableLine(line) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  const { level, time, msg, service: _service, pid: _pid, hostname: _host, context, ...rest } = entry;
  const clock = typeof time === 'string' ? time.slice(11, 19) : '';
  const extra = Object.entries(rest)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : value}`)
    .join(' ');
  return `${clock} ${(LEVELS[level] ?? level).padEnd(5)} ${context ? `[${context}] ` : ''}${msg ?? ''} ${extra}`.trimEnd();
}

/**
 * Spawns every service from its built output. `output` receives each formatted line (default: stdout);
 * `env` is added to the environment of all of them, `envFor(service)` to one.
 */
export function startServices({
  env = {},
  envFor = () => ({}),
  output = (line) => process.stdout.write(`${line}\n`),
  services = SERVICES,
} = {}) {
  return services.map((service, index) => {
    const child = spawn(
      process.execPath,
      [...(NODE_FLAGS[service] ?? []), path.join(REPO_ROOT, 'apps', service, 'dist', 'main.js')],
      {
        env: { ...process.env, ...env, ...envFor(service) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const prefix = `\x1b[${COLOURS[index % COLOURS.length]}m${service.padEnd(10)}\x1b[0m|`;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) =>
        output(`${prefix} ${readableLine(line)}`, service),
      );
    }
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
    return {
      service,
      child,
      exited,
      port: Number(envFor(service).PORT ?? env.PORT ?? DEFAULT_PORTS[service]),
    };
  });
}

/** Resolves when every service answers 200 on /health/ready; rejects if one exits or time runs out. */
export async function waitUntilReady(processes, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(processes);
  while (pending.size > 0) {
    for (const proc of pending) {
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
        throw new Error(
          `${proc.service} exited (${proc.child.exitCode ?? proc.child.signalCode}) before it was ready`,
        );
      }
      const ok = await fetch(`http://127.0.0.1:${proc.port}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) pending.delete(proc);
    }
    if (pending.size === 0) return;
    if (Date.now() > deadline)
      throw new Error(`not ready after ${timeoutMs} ms: ${[...pending].map((p) => p.service).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** SIGTERM to every service; resolves with their exit codes once all have ended. */
export async function stopServices(processes) {
  for (const proc of processes)
    if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGTERM');
  return Promise.all(processes.map((proc) => proc.exited));
}
