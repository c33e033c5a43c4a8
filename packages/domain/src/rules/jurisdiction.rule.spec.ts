import { DEMO_POLICY as POLICY } from '../../test/fixtures';
import { DEFAULT_POLICY, type EffectivePolicy } from '../contract/tenants';
import {
  effectiveRules,
  JURISDICTIONS,
  subdivisionsForNumber,
  WEEKDAYS,
  type LocalWindow,
} from './jurisdiction.rule';

describe(subdivisionsForNumber.name, () => {
  it.each<[string, string[]]>([
    ['+12125550123', ['NY']],
    ['+13105550123', ['CA']],
    ['+18085550123', ['HI']],
    ['+13055550123', ['FL']],
    ['+18505550123', ['FL']],
    ['+12085550123', ['ID']],
    ['+12145550123', ['TX']],
    ['+12035550123', ['CT']],
    ['+18015550123', ['UT']],
    ['+12055550123', ['AL']],
    ['+15045550123', ['LA']],
    ['+16015550123', ['MS']],
    ['+14055550123', ['OK']],
    ['+14105550123', ['MD']],
    ['+12065550123', ['WA']],
    ['+15025550123', ['KY']],
    ['+16175550123', ['MA']],
    ['+13135550123', ['MI']],
    ['+16125550123', ['MN']],
    ['+17025550123', ['NV']],
    ['+15055550123', ['NM']],
    ['+14015550123', ['RI']],
    ['+12025550123', ['DC']],
    ['+14165550123', ['ON']],
    ['+16045550123', ['BC']],
    ['+19025550123', ['NS', 'PE']],
    ['+18675550123', ['NT', 'NU', 'YT']],
    ['+17875550123', []],
    ['+18005550123', []],
    ['+447400123456', []],
    ['+1212555', []],
  ])('%s → %j', (e164, subdivisions) => {
    expect(subdivisionsForNumber(e164)).toEqual(subdivisions);
  });
});

describe(effectiveRules.name, () => {
  const w = (start: string, end: string): LocalWindow => ({ start, end });

  it.each<[string, string, string[], string[], LocalWindow | null, LocalWindow | null, LocalWindow | null]>([
    // label, region, subdivisions, jurisdictions, Monday, Saturday, Sunday
    ['US federal', 'US', ['NY'], ['US'], w('08:00', '21:00'), w('08:00', '21:00'), w('08:00', '21:00')],
    ['Florida', 'US', ['FL'], ['US', 'US-FL'], w('08:00', '20:00'), w('08:00', '20:00'), w('08:00', '20:00')],
    [
      'Oklahoma',
      'US',
      ['OK'],
      ['US', 'US-OK'],
      w('08:00', '20:00'),
      w('08:00', '20:00'),
      w('08:00', '20:00'),
    ],
    [
      'Maryland',
      'US',
      ['MD'],
      ['US', 'US-MD'],
      w('08:00', '20:00'),
      w('08:00', '20:00'),
      w('08:00', '20:00'),
    ],
    [
      'Washington',
      'US',
      ['WA'],
      ['US', 'US-WA'],
      w('08:00', '20:00'),
      w('08:00', '20:00'),
      w('08:00', '20:00'),
    ],
    ['Texas', 'US', ['TX'], ['US', 'US-TX'], w('09:00', '21:00'), w('09:00', '21:00'), w('12:00', '21:00')],
    [
      'Connecticut',
      'US',
      ['CT'],
      ['US', 'US-CT'],
      w('09:00', '20:00'),
      w('09:00', '20:00'),
      w('09:00', '20:00'),
    ],
    ['Utah', 'US', ['UT'], ['US', 'US-UT'], w('08:00', '21:00'), w('08:00', '21:00'), null],
    ['Alabama', 'US', ['AL'], ['US', 'US-AL'], w('08:00', '20:00'), w('08:00', '20:00'), null],
    ['Louisiana', 'US', ['LA'], ['US', 'US-LA'], w('08:00', '20:00'), w('08:00', '20:00'), null],
    ['Mississippi', 'US', ['MS'], ['US', 'US-MS'], w('08:00', '20:00'), w('08:00', '20:00'), null],
    [
      'Kentucky',
      'US',
      ['KY'],
      ['US', 'US-KY'],
      w('10:00', '21:00'),
      w('10:00', '21:00'),
      w('10:00', '21:00'),
    ],
    [
      'Massachusetts',
      'US',
      ['MA'],
      ['US', 'US-MA'],
      w('08:00', '20:00'),
      w('08:00', '20:00'),
      w('08:00', '20:00'),
    ],
    [
      'Michigan',
      'US',
      ['MI'],
      ['US', 'US-MI'],
      w('09:00', '21:00'),
      w('09:00', '21:00'),
      w('09:00', '21:00'),
    ],
    [
      'Minnesota',
      'US',
      ['MN'],
      ['US', 'US-MN'],
      w('09:00', '21:00'),
      w('09:00', '21:00'),
      w('09:00', '21:00'),
    ],
    ['Nevada', 'US', ['NV'], ['US', 'US-NV'], w('09:00', '20:00'), w('09:00', '20:00'), w('09:00', '20:00')],
    [
      'New Mexico',
      'US',
      ['NM'],
      ['US', 'US-NM'],
      w('09:00', '21:00'),
      w('09:00', '21:00'),
      w('09:00', '21:00'),
    ],
    ['Rhode Island', 'US', ['RI'], ['US', 'US-RI'], w('09:00', '18:00'), null, null],
    [
      'Texas and Connecticut together',
      'US',
      ['TX', 'CT'],
      ['US', 'US-TX', 'US-CT'],
      w('09:00', '20:00'),
      w('09:00', '20:00'),
      w('12:00', '20:00'),
    ],
    [
      'Kentucky and Rhode Island together',
      'US',
      ['KY', 'RI'],
      ['US', 'US-KY', 'US-RI'],
      w('10:00', '18:00'),
      null,
      null,
    ],
    ['China', 'CN', [], ['CN'], w('08:00', '20:00'), w('08:00', '20:00'), w('08:00', '20:00')],
    ['France', 'FR', [], ['FR'], w('08:00', '20:00'), w('08:00', '20:00'), null],
    ['India', 'IN', [], ['IN'], w('09:00', '21:00'), w('09:00', '21:00'), w('09:00', '21:00')],
    ['Brazil', 'BR', [], ['BR'], w('09:00', '21:00'), w('09:00', '21:00'), w('09:00', '21:00')],
    [
      'Germany (default)',
      'DE',
      [],
      ['DEFAULT'],
      w('08:00', '21:00'),
      w('08:00', '21:00'),
      w('08:00', '21:00'),
    ],
    [
      'Canada, Ontario (default)',
      'CA',
      ['ON'],
      ['DEFAULT'],
      w('08:00', '21:00'),
      w('08:00', '21:00'),
      w('08:00', '21:00'),
    ],
    [
      'a subdivision of another country is ignored',
      'CA',
      ['FL'],
      ['DEFAULT'],
      w('08:00', '21:00'),
      w('08:00', '21:00'),
      w('08:00', '21:00'),
    ],
  ])('%s', (_, region, subdivisions, jurisdictions, monday, saturday, sunday) => {
    const rules = effectiveRules({ region, subdivisions }, POLICY);
    expect(rules.jurisdictions).toEqual(jurisdictions);
    expect([rules.week.mon, rules.week.sat, rules.week.sun]).toEqual([monday, saturday, sunday]);
  });

  it.each<[string, string[], boolean, string[]]>([
    // The country's own public holidays always close the window (CONTRACT §3); states add their calendars.
    ['US', ['NY'], true, ['US']],
    ['US', ['UT'], true, ['US', 'US-UT']],
    ['US', ['AL'], true, ['US', 'US-AL']],
    ['US', ['LA'], true, ['US', 'US-LA']],
    ['US', ['RI'], true, ['US', 'US-RI']],
    ['US', ['MS'], true, ['US']],
    ['US', ['UT', 'AL'], true, ['US', 'US-UT', 'US-AL']],
    ['FR', [], true, ['FR']],
    ['CN', [], true, ['CN']],
  ])('%s %j: noHolidays %s, calendars %j', (region, subdivisions, noHolidays, calendars) => {
    const rules = effectiveRules({ region, subdivisions }, POLICY);
    expect(rules.noHolidays).toBe(noHolidays);
    expect(
      rules.holidayCalendars.map((each) => [each.country, each.state].filter(Boolean).join('-')),
    ).toEqual(calendars);
  });

  it('carries the Alabama observed-day shift', () => {
    expect(effectiveRules({ region: 'US', subdivisions: ['AL'] }, POLICY).holidayCalendars).toEqual([
      { country: 'US' },
      { country: 'US', state: 'AL', observedShift: true },
    ]);
  });

  it('names Central time as an extra zone for Mississippi', () => {
    expect(effectiveRules({ region: 'US', subdivisions: ['MS'] }, POLICY).windowZones).toEqual([
      'America/Chicago',
    ]);
    expect(effectiveRules({ region: 'US', subdivisions: ['NY'] }, POLICY).windowZones).toEqual([]);
  });

  it.each<[string, string[], Partial<EffectivePolicy>, number, number]>([
    ['US', ['NY'], {}, 2, 6],
    ['US', ['FL'], {}, 2, 6],
    ['US', ['FL'], { maxPer24h: 1, maxPer7d: 3 }, 1, 3],
    ['US', ['OK', 'MD'], {}, 2, 6],
  ])('%s %j with policy %j: caps %i/24h, %i/7d', (region, subdivisions, policy, per24h, per7d) => {
    const rules = effectiveRules({ region, subdivisions }, { ...POLICY, ...policy });
    expect([rules.maxPer24h, rules.maxPer7d]).toEqual([per24h, per7d]);
  });

  it('keeps the Florida cap of 3 when a policy would allow more', () => {
    expect(
      effectiveRules({ region: 'US', subdivisions: ['FL'] }, { ...POLICY, maxPer24h: 5 }).maxPer24h,
    ).toBe(3);
  });

  it('intersects the tenant window with the jurisdictions', () => {
    const rules = effectiveRules(
      { region: 'US', subdivisions: ['TX'] },
      { ...POLICY, window: { start: '10:00', end: '17:00' } },
    );
    expect(rules.week.mon).toEqual(w('10:00', '17:00'));
    expect(rules.week.sun).toEqual(w('12:00', '17:00'));
  });

  it('closes a day when the windows do not overlap', () => {
    const rules = effectiveRules(
      { region: 'US', subdivisions: ['RI'] },
      { ...POLICY, window: { start: '18:00', end: '21:00' } },
    );
    expect(WEEKDAYS.map((day) => rules.week[day])).toEqual([null, null, null, null, null, null, null]);
  });

  it('ignores duplicate and unknown subdivisions and prototype names', () => {
    const rules = effectiveRules({ region: 'US', subdivisions: ['FL', 'FL', 'ZZ', 'constructor'] }, POLICY);
    expect(rules.jurisdictions).toEqual(['US', 'US-FL']);
    expect(effectiveRules({ region: 'toString', subdivisions: [] }, POLICY).jurisdictions).toEqual([
      'DEFAULT',
    ]);
  });

  it('starts from the default policy', () => {
    expect(POLICY.window).toEqual(DEFAULT_POLICY.window);
  });
});

describe('JURISDICTIONS', () => {
  const table = Object.entries(JURISDICTIONS);

  it.each(table)('%s is well formed and cites its source', (id, rules) => {
    expect(rules.id).toBe(id);
    expect(rules.citation.length).toBeGreaterThan(20);
    for (const day of WEEKDAYS) {
      const window = rules.week[day];
      if (window === null) continue;
      expect(window.start).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(window.end).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(window.start < window.end).toBe(true);
      // No jurisdiction may open before 08:00 or close after 21:00: the default policy's bounds.
      expect(window.start >= '08:00' && window.end <= '21:00').toBe(true);
    }
    expect(rules.noHolidays).toBe(rules.holidays !== undefined);
  });

  it.each(['US-FL', 'US-OK', 'US-MD'])('%s caps at 3 per 24 h', (id) => {
    expect(JURISDICTIONS[id]?.maxPer24h).toBe(3);
  });
});
