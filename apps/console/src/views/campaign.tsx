import { useEffect, useMemo, useState } from 'preact/hooks';

import type { AuditEvent, CampaignReport } from '../api';
import { Chart } from '../chart';
import {
  blockedCounts,
  blockedOption,
  byHour,
  outcomeCounts,
  outcomesOption,
  overTimeOption,
  ratePercents,
  ratesOption,
} from '../charts';
import type { Translate } from '../i18n';
import { Code, Field, RequestStatus, Section, useConsole, useRequest } from '../ui';

interface Loaded {
  report: CampaignReport;
  timed: AuditEvent[];
}

export function CampaignView({ subject }: { subject?: string }) {
  const { api, t, navigate } = useConsole();
  const [campaignId, setCampaignId] = useState(subject ?? '');
  const [state, run] = useRequest<Loaded>();

  useEffect(() => {
    if (!subject) return;
    setCampaignId(subject);
    void run(async () => {
      const [report, sent, deferred] = await Promise.all([
        api.campaign(subject),
        api.allEvents({ campaignId: subject, action: 'message.sent' }),
        api.allEvents({ campaignId: subject, action: 'message.deferred' }),
      ]);
      return { report, timed: [...sent, ...deferred] };
    });
  }, [subject, api, run]);

  const search = (event: Event) => {
    event.preventDefault();
    const id = campaignId.trim();
    if (id) navigate('campaign', id);
  };

  return (
    <>
      <h2>{t('campaign.heading')}</h2>
      <form class="search" onSubmit={search} role="search">
        <Field label={t('campaign.id')} id="campaign-id">
          <input
            id="campaign-id"
            value={campaignId}
            onInput={(e) => setCampaignId(e.currentTarget.value)}
            required
          />
        </Field>
        <button type="submit">{t('search')}</button>
      </form>
      <RequestStatus state={state} />
      {state.status === 'done' && <Report report={state.data.report} timed={state.data.timed} />}
    </>
  );
}

function Report({ report, timed }: Loaded) {
  const { t, zone } = useConsole();
  const hourly = useMemo(() => byHour(timed, zone), [timed, zone]);
  const options = useMemo(
    () => ({
      outcomes: outcomesOption(report, t),
      blocked: blockedOption(report, t),
      rates: ratesOption(report, t),
      overTime: overTimeOption(hourly, t),
    }),
    [report, hourly, t],
  );
  const outcomes = outcomeCounts(report);
  const blocked = blockedCounts(report);
  const rates = ratePercents(report);
  return (
    <>
      <p class="summary" data-testid="campaign-summary">
        <Code>{report.campaignId}</Code>{' '}
        {t('campaign.summary', {
          requested: report.requested,
          sent: report.sent,
          optOuts: report.optOuts,
          complaints: report.complaints,
        })}
      </p>
      <div class="charts">
        <ChartPanel
          id="chart-outcomes"
          title={t('campaign.outcomes')}
          name="outcomes"
          option={options.outcomes}
          rows={outcomes.labels.map((status, i) => [t(`outcome.${status}` as const), outcomes.values[i]!])}
          t={t}
        />
        <ChartPanel
          id="chart-blocked"
          title={t('campaign.blocked')}
          name="blocked"
          option={options.blocked}
          rows={blocked.labels.map((reason, i) => [reason, blocked.values[i]!])}
          t={t}
        />
        <ChartPanel
          id="chart-rates"
          title={t('campaign.rates')}
          name="rates"
          option={options.rates}
          rows={[
            [t('campaign.optOutRate'), `${rates.values[0]} %`],
            [t('campaign.complaintRate'), `${rates.values[1]} %`],
          ]}
          t={t}
        />
        {hourly.hours.length === 0 ? (
          <Section title={t('campaign.overTime')} id="chart-over-time">
            <p class="muted">{t('campaign.noTimes')}</p>
          </Section>
        ) : (
          <ChartPanel
            id="chart-over-time"
            title={t('campaign.overTime')}
            name="over-time"
            option={options.overTime}
            rows={hourly.hours.map((hour, i) => [hour, `${hourly.sent[i]} / ${hourly.deferred[i]}`])}
            t={t}
          />
        )}
      </div>
    </>
  );
}

/** A chart with its numbers also as a table, folded away, for anyone who cannot see the chart. */
function ChartPanel(props: {
  id: string;
  title: string;
  name: string;
  option: Parameters<typeof Chart>[0]['option'];
  rows: Array<[string, string | number]>;
  t: Translate;
}) {
  const label = `${props.title}: ${props.rows.map(([name, value]) => `${name} ${value}`).join(', ')}`;
  return (
    <Section title={props.title} id={props.id}>
      <Chart option={props.option} label={label} name={props.name} />
      <details>
        <summary>{props.t('details')}</summary>
        <table>
          <tbody>
            {props.rows.map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Section>
  );
}
