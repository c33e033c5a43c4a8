import { useState } from 'preact/hooks';

import { ApiError, AuditApi } from '../api';
import type { Translate } from '../i18n';

/** Checks the typed key with a one-row read; the API's 401 is shown as it answered. */
export function SignIn({ t, onSignedIn }: { t: Translate; onSignedIn: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const typed = key.trim();
    if (!typed) return;
    setBusy(true);
    setProblem(null);
    try {
      await new AuditApi(typed).events({}, { limit: 1 });
      onSignedIn(typed);
    } catch (error) {
      setProblem(
        error instanceof ApiError
          ? t('signIn.rejected', { status: error.status, message: error.message })
          : t('signIn.failed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{t('signIn.heading')}</h2>
      <p>{t('signIn.intro')}</p>
      <form onSubmit={submit}>
        <div class="field">
          <label for="auditor-key">{t('signIn.key')}</label>
          <input
            id="auditor-key"
            name="auditor-key"
            type="password"
            autoComplete="off"
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
            required
          />
        </div>
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      {problem && (
        <p class="notice notice-error" role="alert" data-testid="sign-in-error">
          {problem}
        </p>
      )}
    </section>
  );
}
