import { DEMO_POLICY as POLICY } from '../../test/fixtures';
import { isHoliday } from './holiday-calendar.rule';
import {
  effectiveRules,
  subdivisionsForNumber,
  WEEKDAYS,
  type EffectiveRules,
  type HolidayCalendar,
  type LocalWindow,
  type WeekWindows,
} from './jurisdiction.rule';
import { normalisePhone } from './numbers.rule';
import { resolveRecipientZones } from './recipient-zones.rule';
import { checkSendingWindow, SEARCH_HORIZON_DAYS, spreadRelease } from './sending-window.rule';

/** The whole chain as the scheduling service runs it: number → zones, subdivisions, rules → window. */
function checkFor(raw: string, at: string, contactTimeZone?: string) {
  const number = normalisePhone(raw);
  if (!number.ok) throw new Error(`bad test number ${raw}`);
  const zones = resolveRecipientZones({ e164: number.e164, region: number.region, contactTimeZone });
  const rules = effectiveRules(
    { region: number.region, subdivisions: subdivisionsForNumber(number.e164) },
    POLICY,
  );
  return checkSendingWindow(new Date(at), zones, rules);
}

function expectBlocked(result: ReturnType<typeof checkSendingWindow>, reason: string, opensAt: string): void {
  expect(result).toEqual({ allowed: false, reason, opensAt: new Date(opensAt) });
}

describe(`${checkSendingWindow.name}: acceptance cases`, () => {
  it.each<[string, string, string, string?]>([
    ['NY on the spring DST day at 12:00', '+12125550123', '2026-03-08T12:00:00-04:00'],
    ['NY on the spring DST day at 20:30', '+12125550123', '2026-03-08T20:30:00-04:00'],
    ['NY on the autumn DST day at 12:00', '+12125550123', '2026-11-01T12:00:00-05:00'],
    ['NY on the autumn DST day at 20:30', '+12125550123', '2026-11-01T20:30:00-05:00'],
    [
      'New York contact zone, spring DST day 12:00',
      '+14155550123',
      '2026-03-08T12:00:00-04:00',
      'America/New_York',
    ],
    [
      'New York contact zone, autumn DST day 20:30',
      '+14155550123',
      '2026-11-01T20:30:00-05:00',
      'America/New_York',
    ],
    ['Florida, spring DST day 12:00', '+13055550123', '2026-03-08T12:00:00-04:00'],
    ['Florida, autumn DST day 12:00', '+13055550123', '2026-11-01T12:00:00-05:00'],
    ['Florida at 19:59', '+13055550123', '2026-06-10T19:59:00-04:00'],
    ['Florida at 08:00', '+13055550123', '2026-06-10T08:00:00-04:00'],
    ['Texas on Sunday at 13:00', '+12145550123', '2026-03-15T13:00:00-05:00'],
    ['Texas on Sunday at 12:00', '+12145550123', '2026-03-15T12:00:00-05:00'],
    ['Texas on Saturday at 10:00', '+12145550123', '2026-03-14T10:00:00-05:00'],
    ['Connecticut at 09:00', '+12035550123', '2026-06-10T09:00:00-04:00'],
    ['China at 19:59 Beijing time', '+8613812345678', '2026-06-10T19:59:00+08:00'],
    ['China at 08:00 Beijing time', '+8613812345678', '2026-06-10T08:00:00+08:00'],
    ['212 at noon', '+12125550123', '2026-06-10T12:00:00-04:00'],
    ['310 at 08:00', '+13105550123', '2026-06-10T08:00:00-07:00'],
    ['808 at 08:00', '+18085550123', '2026-06-10T08:00:00-10:00'],
    ['208 at 21:30 Mountain, 20:30 Pacific: Boise closed', '+12085550123', '2026-06-10T20:59:00-06:00'],
    ['850 (Central part) at 19:30 Central', '+18502000123', '2026-06-10T19:30:00-05:00'],
    ['Kentucky at 10:00', '+15025550123', '2026-06-10T10:00:00-04:00'],
    ['Rhode Island on a weekday at 17:59', '+14015550123', '2026-06-10T17:59:00-04:00'],
    ['France on a weekday at 19:59', '+33612345678', '2026-06-10T19:59:00+02:00'],
    ['Germany (default) on Sunday at 20:59', '+4915123456789', '2026-06-14T20:59:00+02:00'],
    ['India at 09:00', '+919812345678', '2026-06-10T09:00:00+05:30'],
    // A rest parameter: jest would pass its `done` callback to a fourth named parameter the row leaves out.
  ])('%s: allowed', (_, raw, at, ...contactTimeZone) => {
    expect(checkFor(raw, at, contactTimeZone[0])).toEqual({ allowed: true });
  });

  it.each<[string, string, string, string, string, string?]>([
    [
      'Florida on the spring DST day at 20:30',
      '+13055550123',
      '2026-03-08T20:30:00-04:00',
      'QUIET_HOURS',
      '2026-03-09T08:00:00-04:00',
    ],
    [
      'Florida on the autumn DST day at 20:30',
      '+13055550123',
      '2026-11-01T20:30:00-05:00',
      'QUIET_HOURS',
      '2026-11-02T08:00:00-05:00',
    ],
    [
      'NY on the spring DST day at 07:30',
      '+12125550123',
      '2026-03-08T07:30:00-04:00',
      'QUIET_HOURS',
      '2026-03-08T08:00:00-04:00',
    ],
    [
      'NY on the autumn DST day at 07:59',
      '+12125550123',
      '2026-11-01T07:59:00-05:00',
      'QUIET_HOURS',
      '2026-11-01T08:00:00-05:00',
    ],
    [
      'NY on the spring DST day at 21:00',
      '+12125550123',
      '2026-03-08T21:00:00-04:00',
      'QUIET_HOURS',
      '2026-03-09T08:00:00-04:00',
    ],
    [
      'NY on the eve of the autumn change at 22:00',
      '+12125550123',
      '2026-10-31T22:00:00-04:00',
      'QUIET_HOURS',
      '2026-11-01T08:00:00-05:00',
    ],
    [
      'Texas on Sunday at 10:00',
      '+12145550123',
      '2026-03-15T10:00:00-05:00',
      'QUIET_HOURS',
      '2026-03-15T12:00:00-05:00',
    ],
    [
      'Texas on Sunday at 21:00',
      '+12145550123',
      '2026-03-15T21:00:00-05:00',
      'QUIET_HOURS',
      '2026-03-16T09:00:00-05:00',
    ],
    [
      'Texas on Monday at 08:30',
      '+12145550123',
      '2026-03-16T08:30:00-05:00',
      'QUIET_HOURS',
      '2026-03-16T09:00:00-05:00',
    ],
    [
      'Florida at 20:00',
      '+13055550123',
      '2026-06-10T20:00:00-04:00',
      'QUIET_HOURS',
      '2026-06-11T08:00:00-04:00',
    ],
    [
      'Florida at 07:59',
      '+13055550123',
      '2026-06-10T07:59:00-04:00',
      'QUIET_HOURS',
      '2026-06-10T08:00:00-04:00',
    ],
    [
      'Connecticut at 08:30',
      '+12035550123',
      '2026-06-10T08:30:00-04:00',
      'QUIET_HOURS',
      '2026-06-10T09:00:00-04:00',
    ],
    [
      'Connecticut at 20:00',
      '+12035550123',
      '2026-06-10T20:00:00-04:00',
      'QUIET_HOURS',
      '2026-06-11T09:00:00-04:00',
    ],
    [
      'China at 21:30 Beijing time',
      '+8613812345678',
      '2026-06-10T21:30:00+08:00',
      'QUIET_HOURS',
      '2026-06-11T08:00:00+08:00',
    ],
    [
      'China at 20:00 Beijing time',
      '+8613812345678',
      '2026-06-10T20:00:00+08:00',
      'QUIET_HOURS',
      '2026-06-11T08:00:00+08:00',
    ],
    [
      'China at 07:59 Beijing time',
      '+8613812345678',
      '2026-06-10T07:59:00+08:00',
      'QUIET_HOURS',
      '2026-06-10T08:00:00+08:00',
    ],
    // CONTRACT §3: no marketing on the recipient country's public holidays, even where no law bans them.
    [
      // Order 795: 除夕 to 正月初三 (5-8 Feb), projected to 8 days from 除夕 and the weekend after them.
      'China on the 2027 Spring Festival',
      '+8613812345678',
      '2027-02-06T12:00:00+08:00',
      'HOLIDAY',
      '2027-02-15T08:00:00+08:00',
    ],
    [
      'New York on Independence Day',
      '+12125550123',
      '2026-07-04T12:00:00-04:00',
      'HOLIDAY',
      '2026-07-05T08:00:00-04:00',
    ],
    [
      'New York on the observed Independence Day',
      '+12125550123',
      '2026-07-03T12:00:00-04:00',
      'HOLIDAY',
      '2026-07-05T08:00:00-04:00',
    ],
    [
      'Mississippi on Independence Day, then no Sunday',
      '+16015550123',
      '2026-07-04T12:00:00-05:00',
      'HOLIDAY',
      '2026-07-06T08:00:00-05:00',
    ],
    [
      'Utah on Independence Day',
      '+18015550123',
      '2026-07-04T12:00:00-06:00',
      'HOLIDAY',
      '2026-07-06T08:00:00-06:00',
    ],
    [
      'Utah on the observed Independence Day',
      '+18015550123',
      '2026-07-03T12:00:00-06:00',
      'HOLIDAY',
      '2026-07-06T08:00:00-06:00',
    ],
    [
      'Utah on Pioneer Day',
      '+18015550123',
      '2026-07-24T12:00:00-06:00',
      'HOLIDAY',
      '2026-07-25T08:00:00-06:00',
    ],
    [
      'Utah on a Sunday',
      '+18015550123',
      '2026-06-14T12:00:00-06:00',
      'QUIET_HOURS',
      '2026-06-15T08:00:00-06:00',
    ],
    [
      'Alabama on Independence Day',
      '+12055550123',
      '2026-07-04T12:00:00-05:00',
      'HOLIDAY',
      '2026-07-06T08:00:00-05:00',
    ],
    [
      'Alabama on the observed Independence Day',
      '+12055550123',
      '2026-07-03T12:00:00-05:00',
      'HOLIDAY',
      '2026-07-06T08:00:00-05:00',
    ],
    [
      'Alabama on Confederate Memorial Day',
      '+12055550123',
      '2026-04-27T12:00:00-05:00',
      'HOLIDAY',
      '2026-04-28T08:00:00-05:00',
    ],
    [
      'Alabama at 20:00',
      '+12055550123',
      '2026-06-10T20:00:00-05:00',
      'QUIET_HOURS',
      '2026-06-11T08:00:00-05:00',
    ],
    [
      'Louisiana on Mardi Gras',
      '+15045550123',
      '2026-02-17T12:00:00-06:00',
      'HOLIDAY',
      '2026-02-18T08:00:00-06:00',
    ],
    [
      'Louisiana on a Sunday',
      '+15045550123',
      '2026-06-14T12:00:00-05:00',
      'QUIET_HOURS',
      '2026-06-15T08:00:00-05:00',
    ],
    [
      'Mississippi on a Sunday',
      '+16015550123',
      '2026-06-14T12:00:00-05:00',
      'QUIET_HOURS',
      '2026-06-15T08:00:00-05:00',
    ],
    [
      'Mississippi number living in New York at 08:30 Eastern: Central time still 07:30',
      '+16015550123',
      '2026-06-10T08:30:00-04:00',
      'QUIET_HOURS',
      '2026-06-10T09:00:00-04:00',
      'America/New_York',
    ],
    [
      'Rhode Island at 18:00',
      '+14015550123',
      '2026-06-10T18:00:00-04:00',
      'QUIET_HOURS',
      '2026-06-11T09:00:00-04:00',
    ],
    [
      'Rhode Island on Saturday (weekend unknown: closed)',
      '+14015550123',
      '2026-06-13T12:00:00-04:00',
      'QUIET_HOURS',
      '2026-06-15T09:00:00-04:00',
    ],
    [
      'Rhode Island on Victory Day',
      '+14015550123',
      '2026-08-10T12:00:00-04:00',
      'HOLIDAY',
      '2026-08-11T09:00:00-04:00',
    ],
    [
      'Kentucky at 09:30',
      '+15025550123',
      '2026-06-10T09:30:00-04:00',
      'QUIET_HOURS',
      '2026-06-10T10:00:00-04:00',
    ],
    [
      'Michigan at 08:30',
      '+13135550123',
      '2026-06-10T08:30:00-04:00',
      'QUIET_HOURS',
      '2026-06-10T09:00:00-04:00',
    ],
    [
      'Nevada at 20:00',
      '+17025550123',
      '2026-06-10T20:00:00-07:00',
      'QUIET_HOURS',
      '2026-06-11T09:00:00-07:00',
    ],
    [
      'France on Bastille Day',
      '+33612345678',
      '2026-07-14T10:00:00+02:00',
      'HOLIDAY',
      '2026-07-15T08:00:00+02:00',
    ],
    [
      'France on All Saints, a Sunday',
      '+33612345678',
      '2026-11-01T10:00:00+01:00',
      'HOLIDAY',
      '2026-11-02T08:00:00+01:00',
    ],
    [
      'France on a Sunday',
      '+33612345678',
      '2026-06-14T10:00:00+02:00',
      'QUIET_HOURS',
      '2026-06-15T08:00:00+02:00',
    ],
    [
      'France on Saturday at 20:00',
      '+33612345678',
      '2026-06-13T20:00:00+02:00',
      'QUIET_HOURS',
      '2026-06-15T08:00:00+02:00',
    ],
    [
      'France the evening before Ascension',
      '+33612345678',
      '2026-05-13T20:30:00+02:00',
      'QUIET_HOURS',
      '2026-05-15T08:00:00+02:00',
    ],
    [
      'India at 08:30',
      '+919812345678',
      '2026-06-10T08:30:00+05:30',
      'QUIET_HOURS',
      '2026-06-10T09:00:00+05:30',
    ],
    ['310 at 07:30', '+13105550123', '2026-06-10T07:30:00-07:00', 'QUIET_HOURS', '2026-06-10T08:00:00-07:00'],
    ['808 at 07:00', '+18085550123', '2026-06-10T07:00:00-10:00', 'QUIET_HOURS', '2026-06-10T08:00:00-10:00'],
    [
      '208 at 08:30 Mountain: Pacific still 07:30',
      '+12085550123',
      '2026-06-10T08:30:00-06:00',
      'QUIET_HOURS',
      '2026-06-10T09:00:00-06:00',
    ],
    [
      '208 at 21:30 Mountain: Boise closed',
      '+12085550123',
      '2026-06-10T21:30:00-06:00',
      'QUIET_HOURS',
      '2026-06-11T09:00:00-06:00',
    ],
    [
      '850 (Central part) at 07:30 Central',
      '+18502000123',
      '2026-06-10T07:30:00-05:00',
      'QUIET_HOURS',
      '2026-06-10T08:00:00-05:00',
    ],
    [
      '850 (Central part) at 20:00 Central',
      '+18502000123',
      '2026-06-10T20:00:00-05:00',
      'QUIET_HOURS',
      '2026-06-11T08:00:00-05:00',
    ],
  ])('%s (%s at %s): %s until %s', (_, raw, at, reason, opensAt, ...contactTimeZone) => {
    expectBlocked(checkFor(raw, at, contactTimeZone[0]), reason, opensAt);
  });

  it('needs the window to hold in every zone of the country when the number says nothing finer', () => {
    const rules = effectiveRules({ region: 'US', subdivisions: [] }, POLICY);
    const zones = resolveRecipientZones({ e164: '+12995550123', region: 'US' });
    // 12:00 in New York is 07:00 in Honolulu and Adak.
    expectBlocked(
      checkSendingWindow(new Date('2026-01-12T12:00:00-05:00'), zones, rules),
      'QUIET_HOURS',
      '2026-01-12T13:00:00-05:00',
    );
    expect(checkSendingWindow(new Date('2026-01-12T13:00:00-05:00'), zones, rules)).toEqual({
      allowed: true,
    });
  });
});

describe(`${checkSendingWindow.name}: deny by default`, () => {
  const rules = effectiveRules({ region: 'US', subdivisions: [] }, POLICY);
  const at = new Date('2026-06-10T12:00:00Z');
  const later = new Date(at.getTime() + SEARCH_HORIZON_DAYS * 86_400_000);

  it.each<[string, string[], EffectiveRules]>([
    ['no zone at all', [], rules],
    ['an unknown zone', ['Mars/Olympus_Mons'], rules],
    // 09:00-18:00 in zones 12 hours apart never overlaps (a 13-hour window always would).
    [
      'zones with no common window',
      ['America/New_York', 'Asia/Shanghai'],
      custom({ start: '09:00', end: '18:00' }),
    ],
  ])('%s: deferred to a re-check one horizon later', (_, zones, each) => {
    expectBlocked(checkSendingWindow(at, zones, each), 'QUIET_HOURS', later.toISOString());
  });

  it('a number with no zone and no country', () => {
    const zones = resolveRecipientZones({ e164: '+80012345678', region: '001' });
    expect(zones).toEqual([]);
    expect(checkSendingWindow(at, zones, rules)).toMatchObject({ allowed: false });
  });
});

describe(`${checkSendingWindow.name}: DST bounds`, () => {
  const NY = ['America/New_York'];
  const everyDay = (start: string, end: string): EffectiveRules => custom({ start, end });

  it.each<[string, EffectiveRules, string, string | null]>([
    // The window 02:30-05:00 starts in the spring gap: it opens at the transition, 03:00 EDT.
    [
      'gap start, before the change',
      everyDay('02:30', '05:00'),
      '2026-03-08T06:59:00Z',
      '2026-03-08T07:00:00Z',
    ],
    ['gap start, at the change', everyDay('02:30', '05:00'), '2026-03-08T07:00:00Z', null],
    // The window 01:00-02:30 ends in the gap: it closes at the transition.
    ['gap end, 01:59 EST', everyDay('01:00', '02:30'), '2026-03-08T06:59:00Z', null],
    ['gap end, 03:00 EDT', everyDay('01:00', '02:30'), '2026-03-08T07:00:00Z', '2026-03-09T05:00:00Z'],
    // The window 00:00-01:30 ends in the autumn overlap: at the first 01:30 (EDT), not the second.
    ['overlap end, 01:29 EDT', everyDay('00:00', '01:30'), '2026-11-01T05:29:00Z', null],
    ['overlap end, 01:30 EDT', everyDay('00:00', '01:30'), '2026-11-01T05:30:00Z', '2026-11-02T05:00:00Z'],
    ['overlap end, 01:15 EST', everyDay('00:00', '01:30'), '2026-11-01T06:15:00Z', '2026-11-02T05:00:00Z'],
    // The window 01:30-03:00 starts in the overlap: at the second 01:30 (EST).
    ['overlap start, 01:45 EDT', everyDay('01:30', '03:00'), '2026-11-01T05:45:00Z', '2026-11-01T06:30:00Z'],
    ['overlap start, 01:30 EST', everyDay('01:30', '03:00'), '2026-11-01T06:30:00Z', null],
    ['a window reaching midnight', everyDay('22:00', '24:00'), '2026-06-10T03:59:00Z', null],
  ])('%s', (_, rules, at, opensAt) => {
    const result = checkSendingWindow(new Date(at), NY, rules);
    expect(result).toEqual(
      opensAt === null
        ? { allowed: true }
        : { allowed: false, reason: 'QUIET_HOURS', opensAt: new Date(opensAt) },
    );
  });

  it('finds an opening days ahead when only one weekday is open', () => {
    const rules = custom(null, { wed: { start: '10:00', end: '11:00' } });
    expectBlocked(
      checkSendingWindow(new Date('2026-06-11T12:00:00Z'), ['UTC'], rules),
      'QUIET_HOURS',
      '2026-06-17T10:00:00Z',
    );
  });
});

function custom(daily: LocalWindow | null, except: Partial<WeekWindows> = {}): EffectiveRules {
  const week = Object.fromEntries(
    WEEKDAYS.map((day) => [day, except[day] === undefined ? daily : except[day]]),
  );
  return {
    jurisdictions: ['TEST'],
    ruleVersions: [{ id: 'TEST', version: '1' }],
    blackouts: [],
    week: week as unknown as WeekWindows,
    noHolidays: false,
    holidayCalendars: [],
    maxPer24h: 2,
    maxPer7d: 6,
    windowZones: [],
  };
}

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

describe(spreadRelease.name, () => {
  const opensAt = new Date('2026-06-10T12:00:00Z');

  it.each(['m-1', 'm-2', 'req-42:contact-7', 'a', '', '消息-1', 'x'.repeat(200)])(
    '%j lands within the first 30 minutes, to the second',
    (id) => {
      const release = spreadRelease(opensAt, id);
      const offset = release.getTime() - opensAt.getTime();
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(30 * 60_000);
      expect(offset % 1000).toBe(0);
      expect(spreadRelease(opensAt, id)).toEqual(release);
    },
  );

  it('spreads different ids apart', () => {
    const offsets = new Set(
      Array.from({ length: 100 }, (_, i) => spreadRelease(opensAt, `m-${i}`).getTime()),
    );
    expect(offsets.size).toBeGreaterThan(90);
  });

  it.each<[number, number]>([
    [1, 60_000],
    [5, 300_000],
  ])('with a spread of %i minutes stays under %i ms', (minutes, limit) => {
    expect(spreadRelease(opensAt, 'm-1', minutes).getTime() - opensAt.getTime()).toBeLessThan(limit);
  });

  it('with no spread releases at the opening', () => {
    expect(spreadRelease(opensAt, 'm-1', 0)).toEqual(opensAt);
  });

  it('matches FNV-1a: "a" hashes to 0xe40c292c', () => {
    expect(spreadRelease(opensAt, 'a').getTime() - opensAt.getTime()).toBe((0xe40c292c % 1800) * 1000);
  });
});
