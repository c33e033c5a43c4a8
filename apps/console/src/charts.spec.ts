import { describe, expect, it } from 'vitest';

import type { AuditEvent, CampaignReport } from './api';
import { blockedCounts, byHour, outcomeCounts, ratePercents, ratesOption } from './charts';
import { translator } from './i18n';

const report: CampaignReport = {
  campaignId: 'spring',
  requested: 40,
  sent: 25,
  delivered: 17,
  failed: 8,
  blocked: { FREQUENCY_CAP: 3, NO_CONSENT: 3, DUPLICATE_CONTENT: 2 },
  deferred: 10,
  expired: 0,
  cancelled: 4,
  optOuts: 2,
  complaints: 1,
  optOutRate: 2 / 25,
  complaintRate: 1 / 25,
};

const event = (action: string, at: string): AuditEvent => ({
  id: `${action}:${at}`,
  tenantId: 'demo',
  at,
  service: 'scheduling',
  action,
  subject: {},
  detail: {},
});

describe('campaign charts', () => {
  it('count outcomes by status as the report gives them, blocked summed over reasons', () => {
    expect(outcomeCounts(report)).toEqual({
      labels: ['requested', 'sent', 'delivered', 'failed', 'blocked', 'deferred', 'expired', 'cancelled'],
      values: [40, 25, 17, 8, 8, 10, 0, 4],
    });
  });

  it('list blocked reasons largest first, ties by name', () => {
    expect(blockedCounts(report)).toEqual({
      labels: ['FREQUENCY_CAP', 'NO_CONSENT', 'DUPLICATE_CONTENT'],
      values: [3, 3, 2],
    });
  });

  it('draw the rates in percent against a 2 % threshold line, a rate above it in the alarm colour', () => {
    expect(ratePercents(report).values).toEqual([8, 4]);
    const option = ratesOption(report, translator('en')) as {
      series: Array<{
        data: Array<{ value: number; itemStyle: { color: string } }>;
        markLine: { data: unknown };
      }>;
      yAxis: { max: number };
    };
    const series = option.series[0]!;
    expect(series.markLine.data).toEqual([{ yAxis: 2 }]);
    expect(series.data.map((d) => d.itemStyle.color)).toEqual(['#b00020', '#b00020']);
    expect(option.yAxis.max).toBeGreaterThanOrEqual(8);
    const calm = ratesOption(
      { ...report, optOutRate: 0.004, complaintRate: 0 },
      translator('en'),
    ) as typeof option;
    expect(calm.yAxis.max).toBeGreaterThan(2);
    expect(calm.series[0]!.data.map((d) => d.itemStyle.color)).not.toContain('#b00020');
  });

  it("count sent and deferred by the hour in the auditor's zone, ignoring other actions", () => {
    const events = [
      event('message.sent', '2026-11-28T13:05:00Z'),
      event('message.sent', '2026-11-28T13:59:00Z'),
      event('message.deferred', '2026-11-28T02:00:00Z'),
      event('message.deferred', '2026-11-28T13:10:00Z'),
      event('message.blocked', '2026-11-28T13:10:00Z'),
    ];
    expect(byHour(events, 'America/New_York')).toEqual({
      hours: ['2026-11-27 21:00', '2026-11-28 08:00'],
      sent: [0, 2],
      deferred: [1, 1],
    });
  });
});
