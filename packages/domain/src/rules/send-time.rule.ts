import { IANAZone } from 'luxon';

import type { EffectiveRules } from './jurisdiction.rule';
import { checkSendingWindow, openIntervals, SEARCH_HORIZON_DAYS } from './sending-window.rule';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * When to send a message with `timing: optimal` (CONTRACT §1 SendRequest): at the recipient's most responsive
 * local hour, inside the sending window.
 *
 * Method: the preferred hour is the mode of `replyHours` (local hours 0-23 of the recipient's past replies;
 * ties go to the earliest hour). The answer is the earliest instant >= `at`, within the window's search
 * horizon, that lies in that hour on the wall clock of the first candidate zone (the recipient's own zone when
 * known) and that checkSendingWindow allows in every zone. Without reply history, or when that hour never
 * falls inside the window, it is the immediate choice: `at` if the window allows it, else the next opening.
 * The choice never lies after `expiresAt`: a preferred time after it gives way to the immediate choice, and
 * an immediate choice after it to `at` (the scheduler then expires the message).
 */
export function chooseSendTime(input: {
  at: Date;
  zones: string[];
  rules: EffectiveRules;
  replyHours: number[];
  expiresAt?: Date;
}): Date {
  const now = input.at.getTime();
  const deadline = input.expiresAt?.getTime() ?? Infinity;
  const check = checkSendingWindow(input.at, input.zones, input.rules);
  const immediate = check.allowed ? now : check.opensAt.getTime();
  const hour = preferredHour(input.replyHours);
  const zone = input.zones[0];
  const preferred =
    hour === undefined || zone === undefined
      ? undefined
      : firstInstantInHour(now, hour, zone, input.zones, input.rules);
  if (preferred !== undefined && preferred <= deadline) return new Date(preferred);
  if (immediate <= deadline) return new Date(immediate);
  return new Date(now);
}

/** The most frequent valid hour; the earliest among equals. */
function preferredHour(hours: readonly number[]): number | undefined {
  const counts = new Array<number>(24).fill(0);
  for (const hour of hours) {
    if (Number.isInteger(hour) && hour >= 0 && hour < 24) counts[hour] = (counts[hour] ?? 0) + 1;
  }
  const best = Math.max(...counts);
  return best === 0 ? undefined : counts.indexOf(best);
}

/** The first instant >= now in `hour` on the zone's wall clock that lies in a common open interval. */
function firstInstantInHour(
  now: number,
  hour: number,
  zoneName: string,
  zones: readonly string[],
  rules: EffectiveRules,
): number | undefined {
  const zone = IANAZone.create(zoneName);
  if (!zone.isValid) return undefined;
  const open = openIntervals(
    now,
    now + SEARCH_HORIZON_DAYS * DAY,
    [...new Set([...zones, ...rules.windowZones])],
    rules,
  );
  for (const interval of open) {
    // Walk the interval an hour boundary at a time; the wall-clock hour is constant between them.
    let cursor = Math.max(interval.start, now);
    while (cursor < interval.end) {
      if (localHour(cursor, zone) === hour) return cursor;
      cursor = nextHourBoundary(cursor, zone);
    }
  }
  return undefined;
}

function localHour(instant: number, zone: IANAZone): number {
  return Math.floor(((((instant + zone.offset(instant) * MINUTE) % DAY) + DAY) % DAY) / HOUR);
}

/** The next instant at which the zone's wall clock shows a full hour (offsets of 30 or 45 minutes included). */
function nextHourBoundary(instant: number, zone: IANAZone): number {
  const offset = zone.offset(instant) * MINUTE;
  const wall = instant + offset;
  return Math.floor(wall / HOUR) * HOUR + HOUR - offset;
}
