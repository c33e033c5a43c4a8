import { createHash } from 'node:crypto';

export type FrequencyCheck =
  { allowed: true } | { allowed: false; reason: 'FREQUENCY_CAP' | 'DUPLICATE_CONTENT'; until: Date };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * Marketing frequency per recipient over rolling windows (CONTRACT §3: 2 per 24 h and 6 per 7 days, or a
 * stricter cap such as Florida's 3 per rolling 24 h, Fla. Stat. §501.059 [P]; OK and MD likewise), and the same
 * rendered body to the same number within 24 h (`DUPLICATE_CONTENT`).
 *
 * `recent` are the recipient's earlier marketing sends; one counts while `at` is less than 24 h (7 days) after it.
 * Sends stamped after `at` count too (cautious). When denied, `until` is when the message could go: every
 * violated limit has freed a slot (the duplicate has left the 24 h window). DUPLICATE_CONTENT is reported
 * before FREQUENCY_CAP. A cap of 0 never frees; `until` is then the end of its window, a time to check again.
 */
export function checkFrequency(
  recent: Array<{ at: Date; bodyHash: string }>,
  candidate: { bodyHash: string },
  limits: { maxPer24h: number; maxPer7d: number },
  at: Date,
): FrequencyCheck {
  const now = at.getTime();
  const duplicates = recent
    .filter((sent) => sent.bodyHash === candidate.bodyHash)
    .map((sent) => sent.at.getTime());
  const duplicateUntil = freesAt(duplicates, 1, DAY, now);
  const times = recent.map((sent) => sent.at.getTime());
  const capUntil = Math.max(
    freesAt(times, limits.maxPer24h, DAY, now) ?? -Infinity,
    freesAt(times, limits.maxPer7d, WEEK, now) ?? -Infinity,
  );
  if (duplicateUntil === undefined && capUntil === -Infinity) return { allowed: true };
  const until = new Date(Math.max(duplicateUntil ?? -Infinity, capUntil));
  return {
    allowed: false,
    reason: duplicateUntil === undefined ? 'FREQUENCY_CAP' : 'DUPLICATE_CONTENT',
    until,
  };
}

/**
 * When a window of `length` holding the sends in `times` has room for one more under `max`, if it has none
 * at `now`; undefined when there is room now.
 */
function freesAt(times: readonly number[], max: number, length: number, now: number): number | undefined {
  const counted = times.filter((time) => time > now - length).sort((a, b) => a - b);
  if (counted.length < max) return undefined;
  if (max <= 0) return now + length;
  // The window has room once all but max - 1 of the counted sends have left it.
  return (counted[counted.length - max] as number) + length;
}

/** SHA-256 hex of a rendered body, to spot the same content sent twice. */
export function bodyHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
