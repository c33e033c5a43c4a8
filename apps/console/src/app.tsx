import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';

import { AuditApi } from './api';
import { LOCALES, initialLocale, isLocale, translator, type Locale } from './i18n';
import { forgetKey, saveKey, savedKey } from './session';
import { browserZone, zoneOffset } from './time';
import { parseRoute, routeHash, type Route } from './route';
import { ConsoleContext, VIEWS, type ViewName } from './ui';
import { CampaignView } from './views/campaign';
import { EventsView } from './views/events';
import { IntegrityView } from './views/integrity';
import { MessageView } from './views/message';
import { NumberView } from './views/number';
import { SignIn } from './views/sign-in';

const LOCALE_KEY = 'optline.console.locale';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export function App() {
  const [key, setKey] = useState(() => savedKey());
  const [locale, setLocale] = useState<Locale>(() =>
    initialLocale(localStorage.getItem(LOCALE_KEY), navigator.languages),
  );
  const route = useRoute();
  const zone = useMemo(() => browserZone(), []);
  const t = useMemo(() => translator(locale), [locale]);
  const api = useMemo(() => (key ? new AuditApi(key) : null), [key]);
  const navigate = useCallback((view: ViewName, subject?: string) => {
    location.hash = routeHash(view, subject);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('title');
    localStorage.setItem(LOCALE_KEY, locale);
  }, [locale, t]);

  const signOut = () => {
    forgetKey();
    setKey(null);
  };

  return (
    <>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="top">
        <h1>{t('title')}</h1>
        <div class="top-tools">
          <span class="muted" data-testid="zone">
            {t('zone', { zone, offset: zoneOffset(zone) })}
          </span>
          <label for="locale">{t('language')}</label>
          <select
            id="locale"
            value={locale}
            onChange={(e) => {
              const chosen = e.currentTarget.value;
              if (isLocale(chosen)) setLocale(chosen);
            }}
          >
            {Object.entries(LOCALES).map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
          {api && (
            <button type="button" class="secondary" onClick={signOut}>
              {t('signOut')}
            </button>
          )}
        </div>
      </header>
      {api && (
        <nav aria-label={t('nav.label')} class="views">
          <ul>
            {VIEWS.map((view) => (
              <li key={view}>
                <a href={routeHash(view)} aria-current={route.view === view ? 'page' : undefined}>
                  {t(`nav.${view}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {api ? (
          <ConsoleContext.Provider value={{ api, t, locale, zone, navigate }}>
            <View route={route} />
          </ConsoleContext.Provider>
        ) : (
          <SignIn
            t={t}
            onSignedIn={(typed) => {
              saveKey(typed);
              setKey(typed);
            }}
          />
        )}
      </main>
    </>
  );
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'message':
      return <MessageView subject={route.subject} />;
    case 'number':
      return <NumberView />;
    case 'events':
      return <EventsView />;
    case 'campaign':
      return <CampaignView subject={route.subject} />;
    case 'integrity':
      return <IntegrityView />;
  }
}
