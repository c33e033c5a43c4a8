// The benchmark's result as tables on stdout.
import { CLIENT, KAFKAJS_RELAY } from './settings.mjs';

const number = (value) => (value === null || value === undefined ? '-' : value.toLocaleString('en-US'));
const ms = (value) => (value === null || value === undefined ? 'unsettled' : `${number(value)} ms`);

function table(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell ?? '-')));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  for (const row of all)
    console.log(
      `  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i] + 3))).join('')}`,
    );
}

/** The runs of a result that took place, labelled for a column. */
export function runsOf(result) {
  const runs = [];
  const { relay, pipeline } = result;
  if (relay) runs.push(['relay', relay.throughput], [`relay ${relay.paced.rate}/s`, relay.paced]);
  if (pipeline)
    runs.push(
      ['transactional', pipeline.transactional],
      ['mix', pipeline.mix],
      [`${pipeline.paced.load} ${pipeline.paced.rate}/s`, pipeline.paced],
    );
  return runs;
}

/** Rows of `key` over runs: one row per name any run reports. */
function byName(runs, key, format = number) {
  const names = [...new Set(runs.flatMap(([, run]) => Object.keys(run[key] ?? {})))];
  return names.map((name) => [name, ...runs.map(([, run]) => format(run[key]?.[name]))]);
}

export function printReport(result) {
  const runs = runsOf(result);
  console.log(`\nOptline benchmark, ${result.machine.cpus} cores, Node ${result.machine.node}, ${CLIENT}\n`);
  table(
    ['', ...runs.map(([label]) => label)],
    [
      ['messages offered', ...runs.map(([, run]) => number(run.offered))],
      ['never settled', ...runs.map(([, run]) => number(run.unsettled))],
      ['settled messages/s', ...runs.map(([, run]) => number(run.messagesPerSecond))],
      ['p50 (offered to first result)', ...runs.map(([, run]) => ms(run.latencyMs.p50))],
      ['p95', ...runs.map(([, run]) => ms(run.latencyMs.p95))],
      ['p99', ...runs.map(([, run]) => ms(run.latencyMs.p99))],
      ['max', ...runs.map(([, run]) => ms(run.latencyMs.max))],
    ],
  );
  const { relay, pipeline, ratio } = result;
  if (relay)
    console.log(
      `\n  relay ceiling ${number(relay.throughput.messagesPerSecond)} messages/s (${KAFKAJS_RELAY.client}: ${number(KAFKAJS_RELAY.messagesPerSecond)} on this machine, before the change)`,
    );
  if (ratio) console.log(`  pipeline / relay: ${ratio.transactional} transactional, ${ratio.mix} mix`);
  if (pipeline)
    printPipeline(
      pipeline,
      runs.filter(([label]) => !label.startsWith('relay')),
    );
  console.log('\n  CPU per message (ms), until the stack caught up:');
  table(['', ...runs.map(([label]) => label)], byName(runs, 'cpuPerMessageMs'));
  console.log('\n  peak resident memory (MB) during each run:');
  table(['', ...runs.map(([label]) => label)], byName(runs, 'peakMemoryMb'));
}

function printPipeline(pipeline, runs) {
  console.log('\n  first result of each message (count, p50 / p99 ms):');
  const statuses = [...new Set(runs.flatMap(([, run]) => Object.keys(run.byStatus)))];
  table(
    ['', ...runs.map(([label]) => label)],
    [
      ...statuses.map((status) => [
        status,
        ...runs.map(([, run]) => {
          const s = run.byStatus[status];
          return s ? `${number(s.count)} (${number(s.p50)} / ${number(s.p99)})` : '-';
        }),
      ]),
      ['never settled', ...runs.map(([, run]) => number(run.unsettled))],
    ],
  );
  console.log('\n  first results by reason:');
  table(
    ['', ...runs.map(([label]) => label)],
    byName(runs, 'outcomes').sort((a, b) => a[0].localeCompare(b[0])),
  );
  const { idle, idleBefore } = pipeline;
  console.log(`\n  idle: percent of one core over ${idle.seconds} s with no traffic:`);
  table(
    ['', 'stack up', 'before it'],
    Object.entries(idle.percentOfOneCore).map(([name, percent]) => [
      name,
      `${percent} %`,
      idleBefore.percentOfOneCore[name] === undefined ? '' : `${idleBefore.percentOfOneCore[name]} %`,
    ]),
  );
  const quiet = idle.firstAfterQuiet;
  console.log(
    `  first message after it: ${ms(quiet.firstMs)} (${quiet.firstStatus}); the ${quiet.warmMs.length} after: median ${ms(quiet.warmMedianMs)}`,
  );
}
