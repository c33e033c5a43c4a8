import { useState } from 'preact/hooks';

import type { AuditEvent, EventFilter } from '../api';
import { REASON_CODES, KNOWN_ACTIONS } from '../reasons';
import { wallTimeToIso } from '../time';
import { Code, Field, RequestStatus, Time, useConsole, useRequest } from '../ui';

const PAGE = 50;

interface FilterForm {
  from: string;
  to: string;
  action: string;
  reason: string;
  campaignId: string;
}

/** The form's wall times read in the auditor's zone; empty fields are no filter. */
export function toFilter(form: FilterForm, zone: string): EventFilter {
  const from = form.from ? wallTimeToIso(form.from, zone) : undefined;
  const to = form.to ? wallTimeToIso(form.to, zone) : undefined;
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(form.action.trim() ? { action: form.action.trim() } : {}),
    ...(form.reason ? { reason: form.reason } : {}),
    ...(form.campaignId.trim() ? { campaignId: form.campaignId.trim() } : {}),
  };
}

interface Loaded {
  filter: EventFilter;
  events: AuditEvent[];
  nextCursor?: string;
}

export function EventsView() {
  const { api, t, zone } = useConsole();
  const [form, setForm] = useState<FilterForm>({ from: '', to: '', action: '', reason: '', campaignId: '' });
  const [state, run] = useRequest<Loaded>();
  const [download, runDownload] = useRequest<string>();

  const set = (name: keyof FilterForm) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [name]: e.currentTarget.value });

  const apply = (event: Event) => {
    event.preventDefault();
    const filter = toFilter(form, zone);
    void run(async () => ({ filter, ...(await api.events(filter, { limit: PAGE })) }));
  };

  const more = (loaded: Loaded) =>
    run(async () => {
      const page = await api.events(loaded.filter, { limit: PAGE, cursor: loaded.nextCursor });
      return {
        filter: loaded.filter,
        events: [...loaded.events, ...page.events],
        nextCursor: page.nextCursor,
      };
    });

  const downloadCsv = (filter: EventFilter) =>
    runDownload(async () => {
      const blob = await api.eventsCsv(filter);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'audit-events.csv';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return url;
    });

  return (
    <>
      <h2>{t('events.heading')}</h2>
      <form class="filters" onSubmit={apply} aria-label={t('events.heading')}>
        <Field label={t('events.from')} id="filter-from">
          <input id="filter-from" type="datetime-local" step="1" value={form.from} onInput={set('from')} />
        </Field>
        <Field label={t('events.to')} id="filter-to">
          <input id="filter-to" type="datetime-local" step="1" value={form.to} onInput={set('to')} />
        </Field>
        <Field label={t('events.action')} id="filter-action">
          <input id="filter-action" list="known-actions" value={form.action} onInput={set('action')} />
          <datalist id="known-actions">
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </Field>
        <Field label={t('reason')} id="filter-reason">
          <select id="filter-reason" value={form.reason} onChange={set('reason')}>
            <option value="">{t('events.anyReason')}</option>
            {REASON_CODES.map((reason) => (
              <option key={reason} value={reason}>
                {reason}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('events.campaignId')} id="filter-campaign">
          <input id="filter-campaign" value={form.campaignId} onInput={set('campaignId')} />
        </Field>
        <button type="submit">{t('events.apply')}</button>
      </form>
      <RequestStatus state={state} />
      {state.status === 'done' && (
        <section class="panel" aria-labelledby="events-result">
          <div class="toolbar">
            <h3 id="events-result" role="status">
              {t('events.shown', { count: state.data.events.length })}
            </h3>
            <button type="button" onClick={() => void downloadCsv(state.data.filter)}>
              {t('events.csv')}
            </button>
          </div>
          <RequestStatus state={download} />
          <EventTable events={state.data.events} />
          {state.data.nextCursor && (
            <button type="button" onClick={() => void more(state.data)}>
              {t('events.more')}
            </button>
          )}
        </section>
      )}
    </>
  );
}

function EventTable({ events }: { events: AuditEvent[] }) {
  const { t } = useConsole();
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="events-result">
      <table data-testid="events-table">
        <thead>
          <tr>
            <th scope="col">{t('at')}</th>
            <th scope="col">{t('events.action.col')}</th>
            <th scope="col">{t('reason')}</th>
            <th scope="col">{t('service')}</th>
            <th scope="col">{t('events.subject')}</th>
            <th scope="col">id</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-event-id={event.id}>
              <td>
                <Time iso={event.at} />
              </td>
              <td>{event.action}</td>
              <td>{event.reason && <Code kind="reason">{event.reason}</Code>}</td>
              <td>{event.service}</td>
              <td>
                {[event.subject.messageId, event.subject.campaignId, event.subject.phoneMasked]
                  .filter(Boolean)
                  .join(' · ')}
              </td>
              <td class="mono">{event.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
