/** Dates in the auditor's zone, always with the offset, and the date-time picker's wall time back to an instant. */

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function wallTime(instant: Date, zone: string): WallTime & { offset: string } {
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  // "GMT-05:00", or plain "GMT" at a zero offset.
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    offset,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** `2026-11-28 05:00:03 UTC-05:00`: the same shape in every language, so columns line up. */
export function formatInstant(iso: string | null | undefined, zone: string): string {
  if (!iso) return '—';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const w = wallTime(instant, zone);
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)} UTC${w.offset}`;
}

/** The zone's offset now, for the header (`UTC+08:00`). */
export function zoneOffset(zone: string, at = new Date()): string {
  return `UTC${wallTime(at, zone).offset}`;
}

/**
 * A `datetime-local` value (`2026-06-01T09:30`) read as wall time in `zone`, as ISO-8601 with that zone's offset.
 * Empty or unreadable input gives undefined.
 */
export function wallTimeToIso(value: string, zone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0)) as number[];
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second ?? 0);
  // The offset at the wanted wall time; a second pass settles times next to a DST change.
  let instant = asUtc;
  for (let pass = 0; pass < 2; pass++) {
    const w = wallTime(new Date(instant), zone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    instant += asUtc - shown;
  }
  const offset = wallTime(new Date(instant), zone).offset;
  return `${year}-${two(month!)}-${two(day!)}T${two(hour!)}:${two(minute!)}:${two(second ?? 0)}${offset}`;
}

/** The hour an instant falls in, in `zone`, as a sortable label (`2026-11-28 05:00`). */
export function hourOf(iso: string, zone: string): string {
  const w = wallTime(new Date(iso), zone);
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:00`;
}
