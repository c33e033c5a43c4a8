import { expectBlocked } from '../../test/window-check';
import { DEMO_POLICY as POLICY } from '../../test/fixtures';
import {
  effectiveRules,
  WEEKDAYS,
  type EffectiveRules,
  type LocalWindow,
  type WeekWindows,
} from './jurisdiction.rule';
import { resolveRecipientZones } from './recipient-zones.rule';
import { checkSendingWindow, SEARCH_HORIZON_DAYS } from './sending-window.rule';

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
