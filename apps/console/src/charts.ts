/** The campaign report's charts as ECharts options: pure, so what a chart shows can be checked without a browser. */
import type { EChartsOption } from 'echarts';

import type { AuditEvent, CampaignReport } from './api';
import type { Translate } from './i18n';
import { hourOf } from './time';

/** The pause threshold of CONTRACT §3: opt-outs plus complaints above 2 % of sent messages. */
export const PAUSE_THRESHOLD = 0.02;

const INK = '#1f2933';
const GRID = '#d9dee3';
const COLOURS = { main: '#1d5fa8', warn: '#a63d00', second: '#5b3f99', threshold: '#b00020' };

export const OUTCOME_STATUSES = [
  'requested',
  'sent',
  'delivered',
  'failed',
  'blocked',
  'deferred',
  'expired',
  'cancelled',
] as const;

export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export interface Series<Label extends string = string> {
  labels: Label[];
  values: number[];
}

export function outcomeCounts(report: CampaignReport): Series<OutcomeStatus> {
  const blocked = Object.values(report.blocked).reduce((sum, n) => sum + n, 0);
  const count: Record<OutcomeStatus, number> = {
    requested: report.requested,
    sent: report.sent,
    delivered: report.delivered,
    failed: report.failed,
    blocked,
    deferred: report.deferred,
    expired: report.expired,
    cancelled: report.cancelled,
  };
  return { labels: [...OUTCOME_STATUSES], values: OUTCOME_STATUSES.map((status) => count[status]) };
}

export function blockedCounts(report: CampaignReport): Series {
  const entries = Object.entries(report.blocked).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { labels: entries.map(([reason]) => reason), values: entries.map(([, n]) => n) };
}

/** Rates as percentages, rounded to two decimals. */
export function ratePercents(report: CampaignReport): Series {
  const percent = (rate: number) => Math.round(rate * 10000) / 100;
  return {
    labels: ['optOutRate', 'complaintRate'],
    values: [percent(report.optOutRate), percent(report.complaintRate)],
  };
}

export interface HourlySeries {
  hours: string[];
  sent: number[];
  deferred: number[];
}

/** `message.sent` and `message.deferred` events counted by the hour they happened in, in the auditor's zone. */
export function byHour(events: AuditEvent[], zone: string): HourlySeries {
  const sent = new Map<string, number>();
  const deferred = new Map<string, number>();
  for (const event of events) {
    const bucket =
      event.action === 'message.sent' ? sent : event.action === 'message.deferred' ? deferred : null;
    if (!bucket) continue;
    const hour = hourOf(event.at, zone);
    bucket.set(hour, (bucket.get(hour) ?? 0) + 1);
  }
  const hours = [...new Set([...sent.keys(), ...deferred.keys()])].sort();
  return {
    hours,
    sent: hours.map((h) => sent.get(h) ?? 0),
    deferred: hours.map((h) => deferred.get(h) ?? 0),
  };
}

const base: EChartsOption = {
  animation: false,
  textStyle: { color: INK, fontFamily: 'system-ui, sans-serif' },
  grid: { left: 48, right: 16, top: 32, bottom: 56, containLabel: true },
  tooltip: { trigger: 'axis' },
};

/** Horizontal bars: long labels (reason codes, Chinese or English words) fit at any width, values at the bar ends. */
function barChart(
  series: Series,
  colour: string,
  name: string,
  labels: string[] = series.labels,
): EChartsOption {
  return {
    ...base,
    grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { color: INK, interval: 0 } },
    xAxis: {
      type: 'value',
      minInterval: 1,
      splitLine: { lineStyle: { color: GRID } },
      axisLabel: { color: INK },
    },
    series: [
      {
        type: 'bar',
        name,
        data: series.values,
        barMaxWidth: 28,
        itemStyle: { color: colour },
        label: { show: true, position: 'right', color: INK },
      },
    ],
  };
}

export function outcomesOption(report: CampaignReport, t: Translate): EChartsOption {
  const counts = outcomeCounts(report);
  return barChart(
    counts,
    COLOURS.main,
    t('count'),
    counts.labels.map((status) => t(`outcome.${status}` as const)),
  );
}

export function blockedOption(report: CampaignReport, t: Translate): EChartsOption {
  return barChart(blockedCounts(report), COLOURS.warn, t('outcome.blocked'));
}

export function ratesOption(report: CampaignReport, t: Translate): EChartsOption {
  const rates = ratePercents(report);
  const threshold = PAUSE_THRESHOLD * 100;
  const top = Math.max(threshold * 1.5, ...rates.values.map((v) => v * 1.2));
  return {
    ...base,
    // Room on the right for the threshold's label, past the end of its line.
    grid: { ...(base.grid as object), right: 132 },
    xAxis: {
      type: 'category',
      data: [t('campaign.optOutRate'), t('campaign.complaintRate')],
      axisLabel: { color: INK },
    },
    yAxis: {
      type: 'value',
      max: Math.ceil(top * 10) / 10,
      axisLabel: { color: INK, formatter: '{value} %' },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        type: 'bar',
        name: '%',
        barMaxWidth: 72,
        data: rates.values.map((value) => ({
          value,
          itemStyle: { color: value > threshold ? COLOURS.threshold : COLOURS.second },
        })),
        label: { show: true, position: 'top', color: INK, formatter: '{c} %' },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: COLOURS.threshold, type: 'dashed', width: 2 },
          label: { formatter: t('campaign.threshold'), color: COLOURS.threshold, position: 'end' },
          data: [{ yAxis: threshold }],
        },
      },
    ],
  };
}

// An hour with nothing sent (or deferred) gets no "0" over an empty bar.
const nonZero = (params: { value?: unknown }) => (params.value ? String(params.value) : '');

export function overTimeOption(hourly: HourlySeries, t: Translate): EChartsOption {
  return {
    ...base,
    legend: { bottom: 0, textStyle: { color: INK } },
    xAxis: { type: 'category', data: hourly.hours, axisLabel: { color: INK } },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: INK },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        type: 'bar',
        name: t('outcome.sent'),
        data: hourly.sent,
        barMaxWidth: 48,
        itemStyle: { color: COLOURS.main },
        label: { show: true, position: 'top', color: INK, formatter: nonZero },
      },
      {
        type: 'bar',
        name: t('outcome.deferred'),
        data: hourly.deferred,
        barMaxWidth: 48,
        itemStyle: { color: COLOURS.warn },
        label: { show: true, position: 'top', color: INK, formatter: nonZero },
      },
    ],
  };
}
