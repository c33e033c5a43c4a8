// The benchmark's figures as ECharts options, one panel each: throughput over time, sustained throughput,
// latency percentiles, CPU per message, peak memory and idle CPU. Relay, transactional, mix and paced runs
// keep one colour throughout.
import { TARGETS } from './settings.mjs';

const COLOURS = { relay: '#7f7f7f', transactional: '#3b6fd4', mix: '#2e9e5b', paced: '#e08a1e' };
const PROCESS_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
const base = (title, subtitle) => ({
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: 'Helvetica, Arial, sans-serif' },
  title: {
    text: title,
    subtext: subtitle,
    left: 12,
    top: 6,
    textStyle: { fontSize: 15 },
    subtextStyle: { fontSize: 11 },
  },
  grid: { left: 70, right: 24, top: 100, bottom: 44 },
  legend: { top: 52, left: 12, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } },
});
/** A dashed horizontal line at `value`, labelled, for a series' markLine. */
const line = (label, value, colour = '#c0392b') => ({
  yAxis: value,
  label: { formatter: label, position: 'insideEndTop', fontSize: 10, color: colour },
  lineStyle: { color: colour, type: 'dashed' },
});
const markLine = (...lines) => ({ symbol: 'none', silent: true, data: lines });
/** An axis maximum that leaves room for a target line above the data. */
const above = (targetValue) => (extent) => {
  const top = Math.max(extent.max, targetValue) * 1.08;
  const step = 10 ** Math.floor(Math.log10(top)) / 2;
  return Math.ceil(top / step) * step;
};
const bars = (name, data, colour, extra = {}) => ({
  type: 'bar',
  name,
  data,
  itemStyle: { color: colour },
  label: { show: true, position: 'top', fontSize: 10 },
  ...extra,
});

function runsOf({ relay, pipeline }) {
  return [
    relay && ['relay', 'relay (ceiling)', relay.throughput],
    pipeline && ['transactional', 'transactional', pipeline.transactional],
    pipeline && ['mix', 'mix', pipeline.mix],
    pipeline && ['paced', `${pipeline.paced.load} at ${pipeline.paced.rate}/s`, pipeline.paced],
  ].filter(Boolean);
}

export function throughputOverTime(result) {
  const series = runsOf(result).map(([key, name, run]) => ({
    type: 'line',
    name,
    showSymbol: false,
    lineStyle: { width: 2, color: COLOURS[key] },
    itemStyle: { color: COLOURS[key] },
    data: run.perSecond.map(([, settled], second) => [second, settled]),
  }));
  const paced = result.pipeline?.paced;
  if (paced)
    series.push({
      type: 'line',
      name: 'offered',
      showSymbol: false,
      lineStyle: { width: 1, type: 'dashed', color: COLOURS.paced },
      itemStyle: { color: COLOURS.paced },
      data: paced.perSecond.map(([offered], second) => [second, offered]),
    });
  return {
    ...base(
      'Throughput over time',
      'messages settled per second from the start of each run: relay, and the pipeline at full speed and paced',
    ),
    xAxis: { type: 'value', name: 's', nameGap: 6, min: 0 },
    yAxis: { type: 'value', name: 'messages/s' },
    series,
  };
}

export function sustained(result) {
  const runs = runsOf(result).filter(([key]) => key !== 'paced');
  const relay = result.relay?.throughput.messagesPerSecond;
  const lines = [
    line(`design bar ${TARGETS.messagesPerSecond.toLocaleString('en-US')}/s`, TARGETS.messagesPerSecond),
  ];
  if (relay) lines.push(line('half the relay', Math.round(relay * TARGETS.relayShare), '#8e44ad'));
  return {
    ...base(
      'Sustained throughput',
      'settled messages/s at full speed: the pipeline (transactional, mix) beside the relay',
    ),
    legend: { show: false },
    xAxis: { type: 'category', data: runs.map(([, name]) => name), axisLabel: { fontSize: 11 } },
    yAxis: { type: 'value', name: 'messages/s', max: above(TARGETS.messagesPerSecond) },
    series: [
      bars(
        'messages/s',
        runs.map(([key, , run]) => ({ value: run.messagesPerSecond, itemStyle: { color: COLOURS[key] } })),
        undefined,
        { markLine: markLine(...lines), barMaxWidth: 80 },
      ),
    ],
  };
}

export function latency(result) {
  const marks = ['p50', 'p95', 'p99', 'max'];
  const runs = [
    result.relay && ['relay', `relay at ${result.relay.paced.rate}/s`, result.relay.paced],
    result.pipeline && ['paced', `pipeline at ${result.pipeline.paced.rate}/s`, result.pipeline.paced],
  ].filter(Boolean);
  const unsettled = runs.map(([, name, run]) => `${name}: ${run.unsettled} of ${run.offered} never settled`);
  return {
    ...base('Latency, offered to first result', `every message; ${unsettled.join('; ')}`),
    xAxis: { type: 'category', data: marks },
    yAxis: { type: 'log', name: 'ms', min: 1 },
    series: [
      ...runs.map(([key, name, run], i) =>
        bars(
          name,
          marks.map((mark) => run.latencyMs[mark]),
          COLOURS[key],
          {
            ...(i === 0 ? { markLine: markLine(line(`goal: p99 ${TARGETS.p99Ms} ms`, TARGETS.p99Ms)) } : {}),
          },
        ),
      ),
    ],
  };
}

/** The relay's hops as one: their sum (CPU) or their largest (memory). */
function folded(values, fold) {
  const hops = Object.entries(values).filter(([name]) => name.startsWith('relay-'));
  const rest = Object.entries(values).filter(([name]) => !name.startsWith('relay-'));
  if (hops.length === 0) return values;
  const label = fold === 'sum' ? `relay hops (${hops.length})` : 'relay hop (largest)';
  const numbers = hops.map(([, value]) => value ?? 0);
  const value = fold === 'sum' ? numbers.reduce((a, b) => a + b, 0) : Math.max(...numbers);
  return { [label]: Number(value.toFixed(3)), ...Object.fromEntries(rest) };
}

export function cpuPerMessage(result) {
  const runs = runsOf(result)
    .filter(([key]) => key !== 'paced')
    .map(([key, name, run]) => [key, name, folded(run.cpuPerMessageMs, 'sum')]);
  const processes = [...new Set(runs.flatMap(([, , cpu]) => Object.keys(cpu)))];
  return {
    ...base(
      'CPU per message',
      'ms of CPU per message in each process, full-speed runs, until the stack caught up',
    ),
    legend: {
      orient: 'vertical',
      right: 8,
      top: 90,
      itemWidth: 10,
      itemHeight: 8,
      textStyle: { fontSize: 10 },
    },
    grid: { left: 60, right: 150, top: 100, bottom: 44 },
    xAxis: { type: 'category', data: runs.map(([, name]) => name), axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', name: 'ms' },
    series: processes.map((name, i) => ({
      type: 'bar',
      stack: 'cpu',
      name,
      itemStyle: { color: PROCESS_COLOURS[i % PROCESS_COLOURS.length] },
      data: runs.map(([, , cpu]) => cpu[name] ?? 0),
    })),
  };
}

export function memory(result) {
  const runs = runsOf(result);
  const peaks = runs.map(([key, label, run]) => [key, label, folded(run.peakMemoryMb, 'max')]);
  const names = [...new Set(peaks.flatMap(([, , mb]) => Object.keys(mb)))];
  const series = peaks.map(([key, label, mb]) =>
    bars(
      label,
      names.map((name) => mb[name] ?? null),
      COLOURS[key],
      { label: { show: false } },
    ),
  );
  series[0].markLine = markLine(
    line(`bar: ${TARGETS.serviceMemoryMb} MB a service`, TARGETS.serviceMemoryMb),
  );
  return {
    ...base('Peak resident memory', 'MB per process during each run'),
    xAxis: { type: 'category', data: names, axisLabel: { fontSize: 10, interval: 0, rotate: 20 } },
    yAxis: { type: 'value', name: 'MB', max: above(TARGETS.serviceMemoryMb) },
    grid: { left: 70, right: 24, top: 100, bottom: 56 },
    series,
  };
}

export function idle(result) {
  const idleRun = result.pipeline?.idle;
  if (!idleRun) return null;
  const before = result.pipeline.idleBefore.percentOfOneCore;
  const names = Object.keys(idleRun.percentOfOneCore);
  const quiet = idleRun.firstAfterQuiet;
  return {
    ...base(
      `Idle CPU, ${idleRun.seconds} s with no traffic`,
      `percent of one core; first message after it ${quiet.firstMs} ms, the next ones ${quiet.warmMedianMs} ms`,
    ),
    xAxis: { type: 'category', data: names, axisLabel: { fontSize: 10, interval: 0, rotate: 30 } },
    yAxis: { type: 'value', name: '% of a core', max: above(5) },
    grid: { left: 70, right: 24, top: 100, bottom: 64 },
    series: [
      bars(
        'stack up',
        names.map((name) => idleRun.percentOfOneCore[name]),
        COLOURS.transactional,
        {
          markLine: markLine(line('goal: six services under 5 %', 5)),
        },
      ),
      bars(
        'before the stack started',
        names.map((name) => before[name] ?? null),
        COLOURS.relay,
      ),
    ],
  };
}

export const PANELS = [throughputOverTime, sustained, latency, cpuPerMessage, memory, idle];
