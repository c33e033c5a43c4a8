import { IANAZone } from 'luxon';

import type { Blackout } from './blackouts.data';
import { isHoliday } from './holiday-calendar.rule';
import { WEEKDAYS, type EffectiveRules } from './jurisdiction.rule';

export type WindowCheck =
  | { allowed: true }
  | {
      allowed: false;
      reason: 'QUIET_HOURS' | 'HOLIDAY';
      opensAt: Date;
      /** Set when a dated blackout (blackouts.data.ts) closes the window at `at`. */
      blackout?: Blackout['kind'];
    };

/** An open stretch of time, epoch milliseconds, end exclusive. */
export interface OpenInterval {
  start: number;
  end: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far ahead the next common opening is looked for. */
export const SEARCH_HORIZON_DAYS = 14;
const HORIZON = SEARCH_HORIZON_DAYS * DAY;
/** Most checks are answered by today and tomorrow; the full horizon is computed only when they are not. */
const FIRST_LOOK = 2 * DAY;

/**
 * Whether a marketing message may go out at `at`: only if every candidate zone (and every zone a statute
 * names, `rules.windowZones`) is inside its local window, comparing wall-clock time (TCPA 47 CFR 64.1200(c)(1)
 * [P] and the state and country rules in JURISDICTIONS; CONTRACT §3; compliance-rules.md §3.1, §3.5, §3.6).
 *
 * - Windows are `[start, end)` in local time; a weekday without a window, or a holiday of one of
 *   `rules.holidayCalendars` when `rules.noHolidays`, is closed all day.
 * - DST: a bound that falls in the spring gap starts or ends the window at the transition (the first instant
 *   whose wall clock is at or past it). A bound that occurs twice in the autumn overlap is taken at the later
 *   instant for an opening and the earlier one for a closing, so the window never widens (the cautious reading
 *   of compliance-rules.md §3.5).
 * - Denied: `opensAt` is the earliest instant >= `at` at which every zone is open (minute-precise). When no
 *   common opening exists within SEARCH_HORIZON_DAYS (zones too far apart), or `zones` is empty (no candidate:
 *   deny by default, compliance-rules.md §3.1), `opensAt` is `at` + the horizon: a time to check again, not a
 *   promise that the window opens then.
 * - `reason` is HOLIDAY when `at` falls on a holiday of the calendars in any zone or in a declared-holiday
 *   blackout, else QUIET_HOURS (an emergency blackout is QUIET_HOURS with `blackout: 'emergency'`).
 * - A dated blackout of `rules.blackouts` closes every zone from its start to its end (LPSC R-29617, §3.8).
 */
export function checkSendingWindow(at: Date, zones: string[], rules: EffectiveRules): WindowCheck {
  const now = at.getTime();
  if (zones.length === 0) return { allowed: false, reason: 'QUIET_HOURS', opensAt: new Date(now + HORIZON) };
  const allZones = [...new Set([...zones, ...rules.windowZones])];
  const next = nextOpenInterval(now, allZones, rules);
  if (next !== undefined && next.start <= now) return { allowed: true };
  const opensAt = new Date(next === undefined ? now + HORIZON : next.start);
  const blackout = rules.blackouts.find(
    (each) => Date.parse(each.from) <= now && now < Date.parse(each.until),
  );
  if (blackout !== undefined) {
    const reason = blackout.kind === 'declared-holiday' ? 'HOLIDAY' : 'QUIET_HOURS';
    return { allowed: false, reason, opensAt, blackout: blackout.kind };
  }
  const reason =
    rules.noHolidays && allZones.some((zone) => isHolidayIn(now, zone, rules)) ? 'HOLIDAY' : 'QUIET_HOURS';
  return { allowed: false, reason, opensAt };
}

/** The first common open interval that has not ended at `now`, within the horizon. */
function nextOpenInterval(
  now: number,
  zones: readonly string[],
  rules: EffectiveRules,
): OpenInterval | undefined {
  for (const span of [FIRST_LOOK, HORIZON]) {
    const found = openIntervals(now, now + span, zones, rules).find((interval) => interval.end > now);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The stretches between `from` and `to` (and a little around them) when every zone is open, sorted.
 * Used by the send-time choice as well.
 */
export function openIntervals(
  from: number,
  to: number,
  zones: readonly string[],
  rules: EffectiveRules,
): OpenInterval[] {
  let common: OpenInterval[] | undefined;
  for (const zone of zones) {
    const own = zoneIntervals(zone, from, to, rules);
    common = common === undefined ? own : intersectIntervals(common, own);
  }
  return rules.blackouts.reduce(
    (open, blackout) => withoutInterval(open, Date.parse(blackout.from), Date.parse(blackout.until)),
    common ?? [],
  );
}

/** The intervals with `[start, end)` cut out. */
function withoutInterval(intervals: readonly OpenInterval[], start: number, end: number): OpenInterval[] {
  return intervals.flatMap((interval) => {
    if (interval.end <= start || interval.start >= end) return [interval];
    const pieces: OpenInterval[] = [];
    if (interval.start < start) pieces.push({ start: interval.start, end: start });
    if (interval.end > end) pieces.push({ start: end, end: interval.end });
    return pieces;
  });
}

function zoneIntervals(name: string, from: number, to: number, rules: EffectiveRules): OpenInterval[] {
  const zone = IANAZone.create(name);
  if (!zone.isValid) return [];
  const first = localDay(from, zone);
  const last = localDay(to, zone) + 1;
  // Offsets at the UTC midnights from the day before a date to two days after it: when all four agree, the
  // date has no transition (zones change offset months apart) and its bounds need no search.
  const offsets: number[] = [];
  for (let day = first - 1; day <= last + 2; day++) offsets.push(zone.offset(day * DAY));
  const intervals: OpenInterval[] = [];
  for (let day = first; day <= last; day++) {
    const midnight = day * DAY;
    const date = new Date(midnight);
    const window = rules.week[WEEKDAYS[(date.getUTCDay() + 6) % 7] ?? 'mon'];
    if (window === null) continue;
    if (rules.noHolidays && isHoliday(date.toISOString().slice(0, 10), rules.holidayCalendars)) continue;
    const startWall = midnight + minutesOf(window.start) * MINUTE;
    const endWall = midnight + minutesOf(window.end) * MINUTE;
    const around = offsets.slice(day - first, day - first + 4);
    const steady = around.every((each) => each === around[0]);
    const offset = (offsets[day - first] ?? 0) * MINUTE;
    const start = steady ? startWall - offset : wallToInstant(startWall, zone, 'later');
    const end = steady ? endWall - offset : wallToInstant(endWall, zone, 'earlier');
    if (start < end) intervals.push({ start, end });
  }
  return intervals;
}

function intersectIntervals(a: readonly OpenInterval[], b: readonly OpenInterval[]): OpenInterval[] {
  const result: OpenInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as OpenInterval;
    const y = b[j] as OpenInterval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) result.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return result;
}

/** Days since 1970-01-01 of the local date at `instant`. */
function localDay(instant: number, zone: IANAZone): number {
  return Math.floor((instant + zone.offset(instant) * MINUTE) / DAY);
}

function isHolidayIn(instant: number, name: string, rules: EffectiveRules): boolean {
  const zone = IANAZone.create(name);
  if (!zone.isValid) return false;
  const date = new Date(localDay(instant, zone) * DAY).toISOString().slice(0, 10);
  return isHoliday(date, rules.holidayCalendars);
}

/** `HH:MM` → minutes after midnight. */
function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * The instant at which a zone's wall clock reads `wall` (a local time written as if it were UTC).
 * Ambiguous (autumn overlap): the earlier or later of the two. Skipped (spring gap): the transition, the
 * first instant whose wall clock is past it.
 */
function wallToInstant(wall: number, zone: IANAZone, prefer: 'earlier' | 'later'): number {
  const offsetBefore = zone.offset(wall - DAY);
  const offsetAfter = zone.offset(wall + DAY);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wall - offset * MINUTE)
    .filter((instant) => instant + zone.offset(instant) * MINUTE === wall);
  if (candidates.length > 0) return prefer === 'earlier' ? Math.min(...candidates) : Math.max(...candidates);
  // In the gap: the offset is offsetBefore at `low` and offsetAfter at `high`; find the switch to the minute.
  let low = wall - offsetAfter * MINUTE;
  let high = wall - offsetBefore * MINUTE;
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / MINUTE / 2) * MINUTE;
    if (zone.offset(middle) === offsetAfter) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * When a deferred message is released: `opensAt` plus a deterministic offset in [0, spreadMinutes) minutes,
 * to the second, from the FNV-1a hash of the message id, so a campaign deferred to the same opening does not
 * go out in one burst (CONTRACT §3: "spread over the first 30 minutes"). The caller still checks the window
 * at release: a window that closes within the spread is not known here.
 */
export function spreadRelease(opensAt: Date, messageId: string, spreadMinutes = 30): Date {
  const spreadSeconds = Math.floor(spreadMinutes * 60);
  if (spreadSeconds <= 0) return new Date(opensAt.getTime());
  return new Date(opensAt.getTime() + (fnv1a(messageId) % spreadSeconds) * 1000);
}

/** 32-bit FNV-1a over the UTF-8 bytes. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
