// An idle stack: the CPU its processes use with no traffic, and how long the first message after such a
// quiet spell takes compared with the ones right after it.
import { setTimeout as sleep } from 'node:timers/promises';

import { cpuPercent, cpuSnapshot } from './measure.mjs';
import { SETTINGS, log } from './settings.mjs';
import { drive } from './stream.mjs';

/**
 * Percent of one core each of `pids` (name to pid), the broker and PostgreSQL use over `seconds` of nothing
 * to do; `services` (names among `pids`) are also added up.
 */
export async function idleCpu(pids, services = [], seconds = SETTINGS.idleSeconds) {
  log(`idle: ${seconds} s with no traffic`);
  const before = cpuSnapshot(pids);
  const started = Date.now();
  await sleep(seconds * 1000);
  const percent = cpuPercent(before, cpuSnapshot(pids), (Date.now() - started) / 1000);
  delete percent['bench driver'];
  const together = services.reduce((sum, name) => sum + (percent[name] ?? 0), 0);
  return {
    seconds,
    percentOfOneCore: services.length ? { 'six services': Number(together.toFixed(1)), ...percent } : percent,
  };
}

/**
 * One message right after the quiet spell, then `warm` more one at a time, each once the one before it has
 * settled: the first's latency against the median of the others.
 */
export async function firstAfterQuiet({ target, make, settled, warm = 5 }) {
  const one = async () => {
    const { sentAt } = await drive({ ...target, total: 1, make, settled, stallMs: SETTINGS.stallMs });
    const [[id, at]] = [...sentAt];
    const outcome = settled.get(id);
    return outcome ? { ms: outcome.decidedAt - at, status: outcome.status } : { ms: null, status: null };
  };
  const first = await one();
  const after = [];
  for (let i = 0; i < warm; i++) after.push((await one()).ms);
  const sorted = after.filter((ms) => ms !== null).sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
  log(
    `first message after the quiet spell: ${first.ms} ms (${first.status}); the next ${warm}: median ${median} ms`,
  );
  return {
    firstMs: first.ms,
    firstStatus: first.status,
    warmMedianMs: median,
    warmMs: after,
    slowerByMs: first.ms !== null && median !== null ? first.ms - median : null,
  };
}
