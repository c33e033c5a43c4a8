import { useState } from 'preact/hooks';

import type { AuditEvent, ConsentAt, NumberHistory, Purpose } from '../api';
import { wallTimeToIso } from '../time';
import { Code, DetailList, Field, RequestStatus, Section, Time, useConsole, useRequest } from '../ui';

/** A number erased under the right to erasure is shown by its fingerprint alone. */
export function isErased(history: NumberHistory): boolean {
  return history.hygiene.some((event) => event.action === 'number.erased');
}

export function NumberView() {
  const { api, t } = useConsole();
  const [phone, setPhone] = useState('');
  const [history, loadHistory] = useRequest<NumberHistory>();
  const [searched, setSearched] = useState('');

  const search = (event: Event) => {
    event.preventDefault();
    const typed = phone.trim();
    if (!typed) return;
    setSearched(typed);
    void loadHistory(() => api.number(typed));
  };

  return (
    <>
      <h2>{t('number.heading')}</h2>
      <form class="search" onSubmit={search} role="search">
        <Field label={t('number.input')} id="number-input">
          <input
            id="number-input"
            type="tel"
            autoComplete="off"
            value={phone}
            onInput={(e) => setPhone(e.currentTarget.value)}
            required
          />
        </Field>
        <button type="submit">{t('search')}</button>
      </form>
      <RequestStatus state={history} />
      {history.status === 'done' && <NumberHistoryPanels phone={searched} history={history.data} />}
    </>
  );
}

function NumberHistoryPanels({ phone, history }: { phone: string; history: NumberHistory }) {
  const { t, navigate } = useConsole();
  const erased = isErased(history);
  return (
    <>
      <section class="panel" aria-labelledby="number-identity">
        <h3 id="number-identity">{t('number.heading')}</h3>
        <dl class="facts">
          {!erased && (
            <div>
              <dt>{t('number.masked')}</dt>
              <dd data-testid="number-masked">{history.phone}</dd>
            </div>
          )}
          <div>
            <dt>{t('number.fingerprint')}</dt>
            <dd>
              <Code>{history.phoneFingerprint}</Code>
            </dd>
          </div>
        </dl>
        {erased && <p class="notice">{t('number.erased')}</p>}
      </section>
      <ConsentAtInstant phone={phone} />
      <EventList title={t('number.consentChanges')} events={history.consent} id="consent-changes" />
      <Section title={t('number.messages')} id="number-messages">
        {history.messages.length === 0 ? (
          <p class="muted">{t('none')}</p>
        ) : (
          <ul class="plain-list">
            {history.messages.map((message) => (
              <li key={message.messageId}>
                <a
                  href={`#/message/${encodeURIComponent(message.messageId)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate('message', message.messageId);
                  }}
                >
                  {message.messageId}
                </a>{' '}
                <span class="muted">
                  {[...message.events.map((e) => e.action), ...message.outcomes.map((o) => o.status)].join(
                    ' → ',
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <EventList title={t('number.hygiene')} events={history.hygiene} id="hygiene" />
      <EventList title={t('number.feedback')} events={history.feedback} id="feedback" />
    </>
  );
}

function ConsentAtInstant({ phone }: { phone: string }) {
  const { api, t, zone } = useConsole();
  const [purpose, setPurpose] = useState<Purpose>('marketing');
  const [instant, setInstant] = useState('');
  const [state, run] = useRequest<ConsentAt>();

  const check = (event: Event) => {
    event.preventDefault();
    const at = instant ? wallTimeToIso(instant, zone) : undefined;
    void run(() => api.consent(phone, purpose, at));
  };

  return (
    <Section title={t('number.consentAt')} id="consent-at">
      <form class="search" onSubmit={check}>
        <Field label={t('number.purpose')} id="consent-purpose">
          <select
            id="consent-purpose"
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value as Purpose)}
          >
            <option value="marketing">{t('purpose.marketing')}</option>
            <option value="transactional">{t('purpose.transactional')}</option>
          </select>
        </Field>
        <Field label={t('number.instant')} id="consent-instant">
          <input
            id="consent-instant"
            type="datetime-local"
            step="1"
            value={instant}
            onInput={(e) => setInstant(e.currentTarget.value)}
          />
        </Field>
        <button type="submit">{t('number.check')}</button>
      </form>
      <RequestStatus state={state} />
      {state.status === 'done' && <ConsentAnswer answer={state.data} />}
    </Section>
  );
}

function ConsentAnswer({ answer }: { answer: ConsentAt }) {
  const { t } = useConsole();
  return (
    <div class="consent-answer" data-testid="consent-answer" data-status={answer.status}>
      <dl class="facts">
        <div>
          <dt>{t('at')}</dt>
          <dd>
            <Time iso={answer.at} />
          </dd>
        </div>
        <div>
          <dt>{t('number.status')}</dt>
          <dd>
            <strong class={`status status-${answer.status}`}>{t(`status.${answer.status}`)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('number.since')}</dt>
          <dd>
            <Time iso={answer.since} />
          </dd>
        </div>
      </dl>
      {answer.event && (
        <>
          <p>
            {t('number.setBy', {
              id: answer.event.id,
              method: answer.event.method,
              service: answer.event.recordedBy,
            })}
          </p>
          <h4>{t('number.proof')}</h4>
          <DetailList detail={answer.event.proof} />
        </>
      )}
    </div>
  );
}

function EventList({ title, events, id }: { title: string; events: AuditEvent[]; id: string }) {
  const { t } = useConsole();
  return (
    <Section title={title} id={id}>
      {events.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <ul class="plain-list">
          {events.map((event) => (
            <li key={event.id}>
              <Time iso={event.at} /> <strong>{event.action}</strong>{' '}
              {event.reason && <Code kind="reason">{event.reason}</Code>}{' '}
              <span class="muted">{event.service}</span>
              <details>
                <summary>{t('allDetail')}</summary>
                <DetailList detail={event.detail} />
              </details>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
