import Holidays from 'date-holidays';

import { CN_ARRANGEMENTS, CN_LUNAR_DATES, type HolidayArrangement } from './cn-holidays.data';

interface LunarDates {
  springFestival: string;
  qingming: string;
  dragonBoat: string;
  midAutumn: string;
}

const DAYS_OFF = new Map<number, ReadonlySet<string>>();

/**
 * China's national days off of a year (Order 795 Art. 2; cn-holidays.data.ts): the published arrangement's
 * 放假调休 days when the General Office has published the year, else the projection from the law and the
 * 2025 notice's principle. Art. 3 days (妇女节, 青年节, 儿童节, 建军节) are not national holidays.
 */
export function cnDaysOff(year: number): ReadonlySet<string> {
  let days = DAYS_OFF.get(year);
  if (days === undefined) {
    const arrangement = arrangementOf(year);
    days = arrangement === undefined ? projectedDaysOff(year) : arrangementDays(arrangement);
    DAYS_OFF.set(year, days);
  }
  return days;
}

/** The Saturdays and Sundays of a year that are working days (调休上班), known once the year is published. */
export function cnMakeUpWorkdays(year: number): ReadonlySet<string> {
  return new Set(arrangementOf(year)?.workdays ?? []);
}

/**
 * Days off projected for a year without a published arrangement, from Art. 2 and the 2025 notice's principle:
 * 春节 from 除夕 for 8 days; 劳动节 1-5 May; 国庆节 1-7 October, 1-8 when 中秋 falls in them; 元旦, 清明, 端午 and
 * 中秋 3 days joined to the weekend, or the day alone on a Wednesday. Weekend days next to a block count too (the
 * 2026 Spring Festival started on the Sunday before 除夕), so the projection errs towards closing.
 */
export function projectedDaysOff(year: number): ReadonlySet<string> {
  const lunar = lunarDates(year);
  const days = new Set<string>();
  const eve = addDays(lunar.springFestival, -1);
  block(days, eve, addDays(eve, 7));
  block(days, `${year}-05-01`, `${year}-05-05`);
  const mergedWithNationalDay = lunar.midAutumn >= `${year}-10-01` && lunar.midAutumn <= `${year}-10-08`;
  block(days, `${year}-10-01`, mergedWithNationalDay ? `${year}-10-08` : `${year}-10-07`);
  const threeDay = [`${year}-01-01`, lunar.qingming, lunar.dragonBoat];
  if (!mergedWithNationalDay) threeDay.push(lunar.midAutumn);
  for (const day of threeDay) threeDayHoliday(days, day);
  return days;
}

function threeDayHoliday(days: Set<string>, day: string): void {
  switch (weekday(day)) {
    case 3:
      block(days, day, day);
      return;
    case 1: // Monday: Saturday to Monday
      block(days, addDays(day, -2), day);
      return;
    case 2: // Tuesday: Sunday to Tuesday
      block(days, addDays(day, -2), day);
      return;
    case 4: // Thursday: Thursday to Saturday
      block(days, day, addDays(day, 2));
      return;
    case 5: // Friday to Sunday
      block(days, day, addDays(day, 2));
      return;
    case 6: // Saturday: Saturday to Monday (Art. 6 makes up a weekend holiday on a working day)
      block(days, day, addDays(day, 2));
      return;
    default: // Sunday: Saturday to Monday
      block(days, addDays(day, -1), addDays(day, 1));
  }
}

/** Every date from `from` to `to`, and the weekend days just before and after. */
function block(days: Set<string>, from: string, to: string): void {
  let start = from;
  while (isWeekend(addDays(start, -1))) start = addDays(start, -1);
  let end = to;
  while (isWeekend(addDays(end, 1))) end = addDays(end, 1);
  for (let day = start; day <= end; day = addDays(day, 1)) days.add(day);
}

function arrangementDays(arrangement: HolidayArrangement): ReadonlySet<string> {
  const days = new Set<string>();
  for (const span of arrangement.holidays) {
    for (let day = span.from; day <= span.to; day = addDays(day, 1)) days.add(day);
  }
  return days;
}

function arrangementOf(year: number): HolidayArrangement | undefined {
  return CN_ARRANGEMENTS.find((each) => each.year === year);
}

/** The table's dates, else date-holidays' lunar calendar. */
export function lunarDates(year: number): LunarDates {
  return CN_LUNAR_DATES[year] ?? libraryLunarDates(year);
}

/** date-holidays' lunar calendar (its 春节 starts on 除夕, a day before 正月初一). */
export function libraryLunarDates(year: number): LunarDates {
  const holidays = new Holidays('CN').getHolidays(year);
  const first = (name: string): string =>
    holidays.find((holiday) => holiday.name.startsWith(name))?.date.slice(0, 10) ?? `${year}-01-01`;
  return {
    springFestival: addDays(first('春节'), 1),
    qingming: first('清明'),
    dragonBoat: first('端午'),
    midAutumn: first('中秋'),
  };
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
