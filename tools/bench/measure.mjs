// What the benchmark measures about processes (from /proc) and about a run's messages (from what settled).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** The value at percentile `p` of ascending `sorted`; null when it falls on a message that never settled. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const value = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return Number.isFinite(value) ? value : null;
}

function spread(values) {
  values.sort((a, b) => a - b);
  return {
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: percentile(values, 100),
  };
}

/**
 * One run's figures over every message it offered (`sentAt`: id to when it was produced). Latency runs from
 * that moment to the message's first settled result in `settled` (its decision time); a message that never
 * settled counts as slower than any that did, so a percentile that falls on one is null, not flattered.
 */
export function summarize({ sentAt, settled, started }) {
  const values = [];
  const perStatus = new Map();
  const outcomes = {};
  let unsettled = 0;
  let last = started;
  const offeredBins = [];
  const settledBins = [];
  const bump = (bins, at) => {
    const second = Math.max(0, Math.floor((at - started) / 1000));
    while (bins.length <= second) bins.push(0);
    bins[second] += 1;
  };
  for (const [id, at] of sentAt) {
    bump(offeredBins, at);
    const outcome = settled.get(id);
    if (!outcome) {
      unsettled += 1;
      values.push(Infinity);
      continue;
    }
    const latency = outcome.decidedAt - at;
    values.push(latency);
    if (!perStatus.has(outcome.status)) perStatus.set(outcome.status, []);
    perStatus.get(outcome.status).push(latency);
    const key = outcome.reason ? `${outcome.status} ${outcome.reason}` : outcome.status;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    bump(settledBins, outcome.seenAt);
    last = Math.max(last, outcome.seenAt);
  }
  const seconds = (last - started) / 1000;
  const settledCount = sentAt.size - unsettled;
  const length = Math.max(offeredBins.length, settledBins.length);
  return {
    offered: sentAt.size,
    settled: settledCount,
    unsettled,
    seconds: Number(seconds.toFixed(2)),
    messagesPerSecond: seconds > 0 ? Math.round(settledCount / seconds) : null,
    latencyMs: spread(values),
    byStatus: Object.fromEntries(
      [...perStatus].map(([status, list]) => [status, { count: list.length, ...spread(list) }]),
    ),
    outcomes,
    // Messages offered and settled (seen by the benchmark's reader) in each second from the run's start.
    perSecond: Array.from({ length }, (_, i) => [offeredBins[i] ?? 0, settledBins[i] ?? 0]),
  };
}

function stat(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return {
    comm: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')),
    fields: text.slice(text.lastIndexOf(')') + 2).split(' '),
  };
}

/** CPU seconds (user + system) a process has used so far; null once it has ended. */
export function cpuSeconds(pid) {
  try {
    const { fields } = stat(pid);
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by every process whose command name is `comm` (the broker's java, PostgreSQL),
 * with that of their children that have ended: a PostgreSQL backend's CPU passes to the postmaster's count
 * when its connection closes, instead of vanishing.
 */
export function cpuSecondsOf(comm) {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const { comm: name, fields } = stat(entry);
      if (name !== comm) continue;
      const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
      total += (utime + stime + cutime + cstime) / TICKS_PER_SECOND;
    } catch {
      // the process ended
    }
  }
  return total;
}

/**
 * CPU seconds so far of each of `pids` (name to pid), of the broker and PostgreSQL (every process named
 * java or postgres: on a shared machine they include others' load) and of this benchmark's own process.
 */
export function cpuSnapshot(pids) {
  const own = process.cpuUsage();
  return {
    ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)])),
    'kafka broker': cpuSecondsOf('java'),
    postgresql: cpuSecondsOf('postgres'),
    'bench driver': (own.user + own.system) / 1e6,
  };
}

/** CPU seconds each process used between two snapshots, times `scale`, to `digits` decimals. */
function cpuBetween(before, after, scale, digits) {
  return Object.fromEntries(
    Object.keys(before).map((name) => [
      name,
      after[name] === null || before[name] === null
        ? null
        : Number(((after[name] - before[name]) * scale).toFixed(digits)),
    ]),
  );
}

/** CPU used between two snapshots, in milliseconds per message over `messages`. */
export const cpuPerMessageMs = (before, after, messages) => cpuBetween(before, after, 1000 / messages, 3);

/** CPU used between two snapshots, in percent of one core over `seconds`. */
export const cpuPercent = (before, after, seconds) => cpuBetween(before, after, 100 / seconds, 1);

/** Starts a new peak: the kernel's high-water mark of resident memory falls back to the current size. */
export function resetPeakMemory(pids) {
  for (const pid of Object.values(pids)) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // not ours or gone: its peak then runs from its start
    }
  }
}

/** Peak resident memory (MB) of each of `pids` since its start or the last resetPeakMemory. */
export function peakMemoryMb(pids) {
  return Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => {
      try {
        const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        return [name, Math.round(kb / 1024)];
      } catch {
        return [name, null];
      }
    }),
  );
}
