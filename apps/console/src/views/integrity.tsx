import { useState } from 'preact/hooks';

import type { IntegrityResult } from '../api';
import { wallTimeToIso } from '../time';
import { Code, Field, RequestStatus, useConsole, useRequest } from '../ui';

export function IntegrityView() {
  const { api, t, zone } = useConsole();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [state, run] = useRequest<IntegrityResult>();

  const check = (event: Event) => {
    event.preventDefault();
    const range = {
      ...(from ? { from: wallTimeToIso(from, zone) } : {}),
      ...(to ? { to: wallTimeToIso(to, zone) } : {}),
    };
    void run(() => api.integrity(range));
  };

  return (
    <>
      <h2>{t('integrity.heading')}</h2>
      <p>{t('integrity.intro')}</p>
      <form class="search" onSubmit={check}>
        <Field label={t('integrity.from')} id="integrity-from">
          <input
            id="integrity-from"
            type="datetime-local"
            step="1"
            value={from}
            onInput={(e) => setFrom(e.currentTarget.value)}
          />
        </Field>
        <Field label={t('integrity.to')} id="integrity-to">
          <input
            id="integrity-to"
            type="datetime-local"
            step="1"
            value={to}
            onInput={(e) => setTo(e.currentTarget.value)}
          />
        </Field>
        <button type="submit">{t('integrity.run')}</button>
      </form>
      <RequestStatus state={state} />
      {state.status === 'done' && <IntegrityAnswer result={state.data} />}
    </>
  );
}

function IntegrityAnswer({ result }: { result: IntegrityResult }) {
  const { t } = useConsole();
  if (result.ok)
    return (
      <p class="notice notice-ok" role="status" data-testid="integrity-result" data-ok="true">
        {t('integrity.ok', { checked: result.checked })}
      </p>
    );
  return (
    <div class="notice notice-broken" role="alert" data-testid="integrity-result" data-ok="false">
      <p class="broken-headline">
        {t('integrity.broken', {
          id: result.firstBrokenId ?? '?',
          seq: result.firstBrokenSeq ?? '?',
          problem: result.problem ?? '?',
        })}
      </p>
      <p>
        <Code>{result.firstBrokenId}</Code>
      </p>
      <p>{t('integrity.checkedBroken', { checked: result.checked })}</p>
    </div>
  );
}
