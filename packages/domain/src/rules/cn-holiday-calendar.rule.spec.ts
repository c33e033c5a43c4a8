import { DEMO_POLICY as POLICY } from '../../test/fixtures';
import { CN_ARRANGEMENTS, CN_LUNAR_DATES } from './cn-holidays.data';
import { cnDaysOff, libraryLunarDates, projectedDaysOff } from './cn-holiday-calendar.rule';
import { isBusinessDay, isHoliday } from './holiday-calendar.rule';
import { effectiveRules } from './jurisdiction.rule';
import { checkSendingWindow } from './sending-window.rule';

const CN = { country: 'CN' };

describe('China national holidays (Order 795, in force 2025-01-01; General Office arrangements)', () => {
  it.each<[string, boolean, string]>([
    // 2025, 国办发明电〔2024〕12号
    ['2025-01-01', true, '元旦, one day, Wednesday'],
    ['2025-01-02', false, 'day after 元旦'],
    ['2025-01-27', false, 'Monday before 除夕'],
    ['2025-01-28', true, '除夕, now a statutory day (Art. 2)'],
    ['2025-01-31', true, '正月初三, the added Spring Festival day'],
    ['2025-02-04', true, 'last day of the 8'],
    ['2025-02-05', false, 'back to work'],
    ['2025-03-08', false, '妇女节 is for part of the citizens (Art. 3)'],
    ['2025-04-04', true, '清明节'],
    ['2025-05-02', true, '劳动节 second day, added by the revision'],
    ['2025-05-05', true, '劳动节 block end'],
    ['2025-05-06', false, 'after 劳动节'],
    ['2025-06-02', true, '端午节 block end (Monday)'],
    ['2025-08-01', false, '建军节 is Art. 3'],
    ['2025-10-06', true, '中秋节 inside 国庆节'],
    ['2025-10-08', true, '国庆节、中秋节 8 days'],
    ['2025-10-09', false, 'after 国庆节'],
    // 2026, notice of 2025-11-04
    ['2026-01-03', true, '元旦 block end (Saturday)'],
    ['2026-02-15', true, '春节 starts on 腊月二十八'],
    ['2026-02-16', true, '除夕'],
    ['2026-02-23', true, '正月初七'],
    ['2026-02-24', false, 'back to work'],
    ['2026-05-05', true, '劳动节 block end'],
    ['2026-06-01', false, '儿童节 is Art. 3'],
    ['2026-06-21', true, '端午节 block end'],
    ['2026-09-25', true, '中秋节'],
    ['2026-10-07', true, '国庆节 block end'],
    ['2026-10-08', false, 'after 国庆节'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isHoliday(date, [CN])).toBe(expected);
  });

  it.each<[string, boolean, string]>([
    ['2025-01-26', true, 'Sunday, a make-up working day'],
    ['2025-02-08', true, 'Saturday, a make-up working day'],
    ['2025-04-27', true, 'Sunday before 劳动节'],
    ['2025-09-28', true, 'Sunday before 国庆节'],
    ['2025-10-11', true, 'Saturday after 国庆节'],
    ['2026-01-04', true, 'Sunday after 元旦'],
    ['2026-02-14', true, 'Saturday before 春节'],
    ['2026-02-28', true, 'Saturday after 春节'],
    ['2026-05-09', true, 'Saturday after 劳动节'],
    ['2026-09-20', true, 'Sunday before 国庆节'],
    ['2026-10-10', true, 'Saturday after 国庆节'],
    ['2026-02-21', false, 'Saturday inside 春节'],
    ['2026-03-07', false, 'an ordinary Saturday'],
    ['2026-02-13', true, 'an ordinary Friday'],
    ['2026-02-17', false, '正月初一, a Tuesday'],
  ])('business day %s → %s (%s)', (date, expected) => {
    expect(isBusinessDay(date, CN)).toBe(expected);
  });

  it.each(CN_ARRANGEMENTS.map((each) => each.year))(
    'projecting %i from the law covers every day off of its published arrangement',
    (year) => {
      const projected = projectedDaysOff(year);
      const published = [...cnDaysOff(year)];
      expect(published.filter((day) => !projected.has(day))).toEqual([]);
      expect(projected.size - published.length).toBeLessThanOrEqual(6);
    },
  );

  it.each<[string, boolean]>([
    // 2027 has no published arrangement here: projected. 正月初一 is Saturday 6 February.
    ['2027-02-05', true],
    ['2027-02-12', true],
    ['2027-02-15', false],
    ['2027-05-02', true],
    ['2027-05-06', false],
    ['2027-06-09', true],
    ['2027-09-15', true],
    ['2027-10-07', true],
    ['2027-03-08', false],
    ['2027-06-01', false],
  ])('2027 (projected) %s → %s', (date, expected) => {
    expect(isHoliday(date, [CN])).toBe(expected);
  });

  it.each(Object.keys(CN_LUNAR_DATES).map(Number))("the %i lunar dates agree with date-holidays'", (year) => {
    expect(CN_LUNAR_DATES[year]).toEqual(libraryLunarDates(year));
  });

  it.each(CN_ARRANGEMENTS)(
    'the $year arrangement names its notice and only weekend make-up days',
    (arrangement) => {
      expect(arrangement.notice).toMatch(new RegExp(`${arrangement.year}年部分节假日安排`));
      for (const day of arrangement.workdays)
        expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
    },
  );
});

describe('marketing to a Chinese number around the 2026 Spring Festival', () => {
  const rules = effectiveRules({ region: 'CN', subdivisions: [] }, POLICY);
  const zones = ['Asia/Shanghai'];

  it.each<[string, boolean, string | undefined]>([
    ['2026-02-14T12:00:00+08:00', true, undefined], // make-up Saturday
    ['2026-02-20T12:00:00+08:00', false, '2026-02-24T00:00:00.000Z'], // held to 08:00 on the 24th
    ['2026-03-08T12:00:00+08:00', true, undefined], // 妇女节 no longer closes the window
  ])('%s → allowed %s', (at, allowed, opensAt) => {
    const check = checkSendingWindow(new Date(at), zones, rules);
    expect(check.allowed).toBe(allowed);
    if (!check.allowed)
      expect({ reason: check.reason, opensAt: check.opensAt.toISOString() }).toEqual({
        reason: 'HOLIDAY',
        opensAt,
      });
  });
});
