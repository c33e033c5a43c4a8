/** The auditor key lives in this tab's session storage only: never in a URL, never in local storage. */
const KEY = 'optline.console.auditorKey';

export function savedKey(storage: Storage = sessionStorage): string | null {
  return storage.getItem(KEY);
}

export function saveKey(key: string, storage: Storage = sessionStorage): void {
  storage.setItem(KEY, key);
}

export function forgetKey(storage: Storage = sessionStorage): void {
  storage.removeItem(KEY);
}
