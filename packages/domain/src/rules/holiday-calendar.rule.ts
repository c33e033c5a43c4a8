import Holidays from 'date-holidays';

import { cnDaysOff, cnMakeUpWorkdays } from './cn-holiday-calendar.rule';
import type { HolidayCalendar } from './jurisdiction.rule';

/** Local dates (`YYYY-MM-DD`) that are holidays, per calendar and year. Deterministic, so caching is safe. */
const CACHE = new Map<string, ReadonlySet<string>>();

/**
 * Whether a local date is a public holiday in any of the calendars. China's come from its own cited data
 * (Order 795 and the General Office's yearly arrangement, cn-holidays.data.ts), because date-holidays predates
 * the 2024 revision and counts Art. 3 days as public. The others come from date-holidays
 * (country + state), type `public` only; its substitute days (e.g. US Independence Day 2026 observed on
 * Friday 3 July) count too. With `observedShift` (Alabama, Ala. Code §1-3-8 [S]) a Saturday holiday also
 * closes the Friday before and a Sunday holiday the Monday after; the actual day stays closed (stricter).
 */
export function isHoliday(localDate: string, calendars: readonly HolidayCalendar[]): boolean {
  const year = Number(localDate.slice(0, 4));
  // A shifted day can fall in the neighbouring year (Saturday 1 January → Friday 31 December).
  return calendars.some((calendar) =>
    [year - 1, year, year + 1].some((each) => holidayDates(calendar, each).has(localDate)),
  );
}

function holidayDates(calendar: HolidayCalendar, year: number): ReadonlySet<string> {
  const key = `${calendar.country}/${calendar.state ?? ''}/${calendar.observedShift === true}/${year}`;
  let dates = CACHE.get(key);
  if (dates === undefined) {
    dates = computeHolidayDates(calendar, year);
    CACHE.set(key, dates);
  }
  return dates;
}

/**
 * Whether a local date is a working day in a country, for deadlines counted in business days (10 in the US and
 * Canada, 5 in Australia: compliance-rules.md §3.9): Monday to Friday and not a public holiday, or a weekend
 * day a Chinese arrangement makes a working day (调休上班).
 */
export function isBusinessDay(localDate: string, calendar: HolidayCalendar): boolean {
  const year = Number(localDate.slice(0, 4));
  if (calendar.country === 'CN' && cnMakeUpWorkdays(year).has(localDate)) return true;
  const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(localDate, [calendar]);
}

function computeHolidayDates(calendar: HolidayCalendar, year: number): ReadonlySet<string> {
  if (calendar.country === 'CN' && calendar.state === undefined && calendar.observedShift !== true) {
    return cnDaysOff(year);
  }
  const source =
    calendar.state === undefined
      ? new Holidays(calendar.country)
      : new Holidays(calendar.country, calendar.state);
  const dates = new Set<string>();
  for (const holiday of source.getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    const date = holiday.date.slice(0, 10);
    dates.add(date);
    if (calendar.observedShift === true) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 6) dates.add(addDays(date, -1));
      if (weekday === 0) dates.add(addDays(date, 1));
    }
  }
  return dates;
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
