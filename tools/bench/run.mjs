// One measured run: a load driven through the relay or the pipeline, with the CPU and the peak memory of
// every process over it.
import { cpuPerMessageMs, cpuSnapshot, peakMemoryMb, resetPeakMemory, summarize } from './measure.mjs';
import { SETTINGS, log } from './settings.mjs';
import { drive, waitUntilIdle } from './stream.mjs';

/**
 * Drives `total` messages made by `make` into `target` ({ producer, topic, keyOf }), at `rate` per second or
 * as fast as they go, and summarizes them. `pids` (name to pid) are the processes whose CPU per message and
 * peak memory the run reports. The CPU window closes when the consumer groups `idle.groups` on the topics
 * under `idle.prefix` have caught up, so work left behind the last result (audit's chain) counts too.
 */
export async function measuredRun({ name, load, total, make, rate, target, settled, pids, idle }) {
  log(
    `${name}: ${total.toLocaleString('en-US')} ${load} messages ${rate ? `at ${rate}/s` : 'as fast as they go'}`,
  );
  resetPeakMemory(pids);
  const before = cpuSnapshot(pids);
  const driven = await drive({ ...target, total, make, rate, settled, stallMs: SETTINGS.stallMs });
  let after = cpuSnapshot(pids);
  await waitUntilIdle(idle.prefix, idle.groups, { onQuiet: () => (after = cpuSnapshot(pids)) });
  const summary = summarize({ ...driven, settled });
  log(
    `${name}: ${summary.messagesPerSecond} messages/s, p50/p99 ${summary.latencyMs.p50}/${summary.latencyMs.p99} ms` +
      (summary.unsettled ? `, ${summary.unsettled} never settled` : ''),
  );
  return {
    name,
    load,
    rate: rate ?? null,
    ...summary,
    cpuPerMessageMs: cpuPerMessageMs(before, after, total),
    peakMemoryMb: peakMemoryMb(pids),
  };
}
