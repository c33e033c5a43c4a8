import { isBusinessDay, isHoliday } from './holiday-calendar.rule';
import { HOLIDAY_SOURCES } from './holiday-sources.data';
import { JURISDICTIONS, type HolidayCalendar } from './jurisdiction.rule';

describe('holiday calendars checked against their official sources for 2026 and 2027', () => {
  it.each<[string, string, boolean, string]>([
    // OPM federal holidays
    ['US', '2026-07-03', true, 'Independence Day observed (Saturday 4 July)'],
    ['US', '2027-06-18', true, 'Juneteenth observed (Saturday 19 June)'],
    ['US', '2027-07-05', true, 'Independence Day observed (Sunday 4 July)'],
    ['US', '2027-12-24', true, 'Christmas observed (Saturday 25 December)'],
    ['US', '2027-12-31', true, "New Year's Day 2028 observed (Saturday 1 January)"],
    ['US', '2026-11-27', false, 'the day after Thanksgiving is no federal holiday'],
    // Utah Code §63G-1-301
    ['US-UT', '2026-07-24', true, 'Pioneer Day (Friday)'],
    ['US-UT', '2027-07-23', true, 'Pioneer Day observed (Saturday 24 July 2027)'],
    // Ala. Code §1-3-8
    ['US-AL', '2026-04-27', true, 'Confederate Memorial Day, 4th Monday of April'],
    ['US-AL', '2027-06-07', true, "Jefferson Davis' birthday, 1st Monday of June"],
    // R.I. Gen. Laws §25-1-1
    ['US-RI', '2027-08-09', true, 'Victory Day, 2nd Monday of August'],
    // Code du travail L3133-1
    ['FR', '2026-05-14', true, 'Ascension 2026'],
    ['FR', '2026-05-25', true, 'Lundi de Pentecôte 2026'],
    ['FR', '2027-03-29', true, 'Lundi de Pâques 2027'],
    ['FR', '2027-05-06', true, 'Ascension 2027'],
    ['FR', '2027-05-17', true, 'Lundi de Pentecôte 2027'],
    ['FR', '2027-03-26', false, 'Good Friday is a holiday in Alsace-Moselle only'],
  ])('%s %s → %s (%s)', (id, date, expected) => {
    const calendar = JURISDICTIONS[id]?.holidays ?? { country: id };
    expect(isHoliday(date, [calendar])).toBe(expected);
  });

  it('every calendar a jurisdiction closes names its source and when it was checked', () => {
    const closed = Object.values(JURISDICTIONS).flatMap((rules) => (rules.holidays ? [rules.id] : []));
    const sourced = new Set(HOLIDAY_SOURCES.map((source) => source.calendar));
    expect(closed.filter((id) => !sourced.has(id))).toEqual([]);
  });

  it.each<[string, boolean]>([
    ['2026-07-03', false],
    ['2026-07-06', true],
    ['2026-07-04', false],
  ])('US business day %s → %s', (date, expected) => {
    expect(isBusinessDay(date, { country: 'US' })).toBe(expected);
  });
});

describe(isHoliday.name, () => {
  const US = { country: 'US' };
  const FR = { country: 'FR' };
  const FR_SHIFTED = { country: 'FR', observedShift: true };
  it.each<[string, HolidayCalendar, boolean]>([
    ['2026-07-04', US, true],
    ['2026-07-03', US, true],
    ['2026-07-05', US, false],
    ['2026-12-25', US, true],
    ['2026-07-14', FR, true],
    ['2026-08-15', FR, true],
    ['2026-08-14', FR, false],
    ['2026-06-10', FR, false],
    ['2027-02-06', { country: 'CN' }, true],
    ['2026-08-14', FR_SHIFTED, true], // Saturday 15 August observed on Friday
    ['2027-12-31', FR_SHIFTED, true], // Saturday 1 January 2028 observed on Friday
    ['2026-11-02', FR_SHIFTED, true], // Sunday 1 November observed on Monday
    ['2026-08-17', FR_SHIFTED, false],
    ['2026-07-24', { country: 'US', state: 'UT' }, true],
    ['2026-04-27', { country: 'US', state: 'AL' }, true],
    ['2026-02-17', { country: 'US', state: 'LA' }, true],
    ['2026-08-10', { country: 'US', state: 'RI' }, true],
    ['2026-02-17', { country: 'US', state: 'UT' }, false],
  ])('%s in %j → %s', (date, calendar, expected) => {
    expect(isHoliday(date, [calendar])).toBe(expected);
  });

  it('counts only public holidays', () => {
    // 14 February is an observance in the US calendar, not a public holiday.
    expect(isHoliday('2026-02-14', [{ country: 'US' }])).toBe(false);
  });

  it('is false with no calendar', () => {
    expect(isHoliday('2026-07-04', [])).toBe(false);
  });
});
