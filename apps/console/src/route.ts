import { VIEWS, type ViewName } from './ui';

export interface Route {
  view: ViewName;
  subject?: string;
}

/** `#/message/<id>`, `#/campaign/<id>`, `#/events`...; anything else is the message view. Never a key. */
export function parseRoute(hash: string): Route {
  const [view, subject] = hash.replace(/^#\/?/, '').split('/');
  const known = VIEWS.find((name) => name === view) ?? 'message';
  return subject ? { view: known, subject: decodeURIComponent(subject) } : { view: known };
}

export function routeHash(view: ViewName, subject?: string): string {
  return subject ? `#/${view}/${encodeURIComponent(subject)}` : `#/${view}`;
}
