/** What every view shares: the signed-in API, the language and zone, request state, and small display parts. */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useRef, useState } from 'preact/hooks';

import { ApiError, type AuditApi } from './api';
import type { Locale, Translate } from './i18n';
import { formatInstant } from './time';

export interface ConsoleContextValue {
  api: AuditApi;
  t: Translate;
  locale: Locale;
  zone: string;
  /** Goes to a view, optionally with its subject (a message or campaign id). */
  navigate: (view: ViewName, subject?: string) => void;
}

export const VIEWS = ['message', 'number', 'events', 'campaign', 'integrity'] as const;
export type ViewName = (typeof VIEWS)[number];

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside the signed-in console');
  return value;
}

export type RequestState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; data: T }
  | { status: 'failed'; error: unknown };

/** One request at a time per view; an answer that arrives after a newer request started is dropped. */
export function useRequest<T>(): [RequestState<T>, (load: () => Promise<T>) => Promise<void>] {
  const [state, setState] = useState<RequestState<T>>({ status: 'idle' });
  const latest = useRef(0);
  const run = useCallback(async (load: () => Promise<T>) => {
    const ticket = ++latest.current;
    setState({ status: 'loading' });
    try {
      const data = await load();
      if (ticket === latest.current) setState({ status: 'done', data });
    } catch (error) {
      if (ticket === latest.current) setState({ status: 'failed', error });
    }
  }, []);
  return [state, run];
}

export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    const details = error.details.map((d) => `${d.path}: ${d.message}`).join('; ');
    return t('error.api', {
      status: error.status,
      message: details ? `${error.message} (${details})` : error.message,
    });
  }
  return t('error.network', { message: error instanceof Error ? error.message : String(error) });
}

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useConsole();
  return (
    <p class="notice notice-error" role="alert">
      {errorText(error, t)}
    </p>
  );
}

/** The loading line, the error, or nothing, for a request's state. */
export function RequestStatus<T>({ state }: { state: RequestState<T> }) {
  const { t } = useConsole();
  if (state.status === 'loading')
    return (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    );
  if (state.status === 'failed') return <ErrorNotice error={state.error} />;
  return null;
}

export function Field({ label, id, children }: { label: string; id: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

export function Time({ iso }: { iso: string | null | undefined }) {
  const { zone } = useConsole();
  return <time dateTime={iso ?? undefined}>{formatInstant(iso, zone)}</time>;
}

export function Code({
  children,
  kind = 'plain',
}: {
  children: ComponentChildren;
  kind?: 'plain' | 'reason';
}) {
  return <code class={kind === 'reason' ? 'badge badge-reason' : 'badge'}>{children}</code>;
}

/** Any recorded value, readable: objects as key/value lists, instants in the auditor's zone. */
export function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span class="muted">—</span>;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return <Time iso={value} />;
  if (Array.isArray(value))
    return value.every((item) => typeof item !== 'object' || item === null) ? (
      <span>{value.map(String).join(', ')}</span>
    ) : (
      <ol class="plain-list">
        {value.map((item, index) => (
          <li key={index}>
            <Value value={item} />
          </li>
        ))}
      </ol>
    );
  if (typeof value === 'object') return <DetailList detail={value as Record<string, unknown>} />;
  return <span>{String(value)}</span>;
}

export function DetailList({ detail }: { detail: Record<string, unknown> }) {
  const entries = Object.entries(detail);
  if (entries.length === 0) return <span class="muted">—</span>;
  return (
    <dl class="detail">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <Value value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({
  title,
  children,
  id,
}: {
  title: string;
  children: ComponentChildren;
  id?: string;
}) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}
