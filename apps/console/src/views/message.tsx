import { useEffect, useState } from 'preact/hooks';

import type { AuditEvent, MessageOutcome, MessageTimeline } from '../api';
import { Code, DetailList, Field, RequestStatus, Time, useConsole, useRequest } from '../ui';

/** What the timeline shows up front for a decision; the rest is under "all recorded fields". */
const KEY_FIELDS = [
  'scheduledFor',
  'jurisdictions',
  'window',
  'zone',
  'zones',
  'ledgerEventId',
  'status',
  'providerMessageId',
];

interface Step {
  kind: 'event' | 'outcome';
  at: string;
  name: string;
  service?: string;
  reason?: string;
  rulesVersion?: string;
  detail: Record<string, unknown>;
  id: string;
}

/** Audit events and outcomes in one list, oldest first (events before the outcome they produced). */
export function timelineSteps(timeline: MessageTimeline): Step[] {
  const events = timeline.events.map((event: AuditEvent): Step => ({
    kind: 'event',
    at: event.at,
    name: event.action,
    service: event.service,
    ...(event.reason ? { reason: event.reason } : {}),
    ...(typeof event.detail.rulesVersion === 'string' ? { rulesVersion: event.detail.rulesVersion } : {}),
    detail: event.detail,
    id: event.id,
  }));
  const outcomes = timeline.outcomes.map((outcome: MessageOutcome, index): Step => {
    const { detail = {}, messageId: _m, status, reason, at, ...rest } = outcome;
    return {
      kind: 'outcome',
      at,
      name: status,
      ...(reason ? { reason } : {}),
      ...(typeof detail.rulesVersion === 'string' ? { rulesVersion: detail.rulesVersion } : {}),
      detail: { ...rest, ...detail },
      id: `outcome-${index}`,
    };
  });
  return [...events, ...outcomes].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1),
  );
}

export function MessageView({ subject }: { subject?: string }) {
  const { api, t, navigate } = useConsole();
  const [messageId, setMessageId] = useState(subject ?? '');
  const [state, run] = useRequest<MessageTimeline>();

  useEffect(() => {
    if (subject) {
      setMessageId(subject);
      void run(() => api.message(subject));
    }
  }, [subject, api, run]);

  const search = (event: Event) => {
    event.preventDefault();
    const id = messageId.trim();
    if (id) navigate('message', id);
  };

  return (
    <>
      <h2>{t('message.heading')}</h2>
      <form class="search" onSubmit={search} role="search">
        <Field label={t('message.id')} id="message-id">
          <input
            id="message-id"
            value={messageId}
            onInput={(e) => setMessageId(e.currentTarget.value)}
            required
          />
        </Field>
        <button type="submit">{t('search')}</button>
      </form>
      <RequestStatus state={state} />
      {state.status === 'done' && <Timeline timeline={state.data} />}
    </>
  );
}

function Timeline({ timeline }: { timeline: MessageTimeline }) {
  const { t } = useConsole();
  const steps = timelineSteps(timeline);
  return (
    <section class="panel" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">
        <Code>{timeline.messageId}</Code>{' '}
        <span class="muted">
          {t('message.events', { count: timeline.events.length, outcomes: timeline.outcomes.length })}
        </span>
      </h3>
      <ol class="timeline" data-testid="timeline">
        {steps.map((step) => (
          <li key={step.id} class={`step step-${step.kind}`} data-action={step.name}>
            <div class="step-head">
              <Time iso={step.at} />
              <strong class="step-name">{step.name}</strong>
              <span class="muted">{step.kind === 'event' ? t('message.event') : t('message.outcome')}</span>
            </div>
            <dl class="facts">
              {step.service && (
                <div>
                  <dt>{t('service')}</dt>
                  <dd>{step.service}</dd>
                </div>
              )}
              {step.reason && (
                <div>
                  <dt>{t('reason')}</dt>
                  <dd>
                    <Code kind="reason">{step.reason}</Code>
                  </dd>
                </div>
              )}
              {step.rulesVersion && (
                <div>
                  <dt>{t('rulesVersion')}</dt>
                  <dd data-testid="rules-version">{step.rulesVersion}</dd>
                </div>
              )}
            </dl>
            {KEY_FIELDS.some((f) => f in step.detail) && (
              <DetailList
                detail={Object.fromEntries(
                  KEY_FIELDS.filter((f) => f in step.detail).map((f) => [f, step.detail[f]]),
                )}
              />
            )}
            <details>
              <summary>{t('allDetail')}</summary>
              <DetailList detail={step.detail} />
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
