import { IANAZone } from 'luxon';

import { DEMO_POLICY as POLICY } from '../../test/fixtures';
import { effectiveRules } from './jurisdiction.rule';
import { areaCodeZones, numberZones, resolveRecipientZones } from './recipient-zones.rule';
import { checkSendingWindow } from './sending-window.rule';
import { NON_GEOGRAPHIC_MOBILE_RANGES, ZONE_SPANNING_AREA_CODES } from './zone-candidates.data';

const AUSTRALIA = [
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Antarctica/Macquarie',
  'Australia/Hobart',
  'Australia/Currie',
  'Australia/Melbourne',
  'Australia/Broken_Hill',
  'Australia/Brisbane',
  'Australia/Lindeman',
  'Australia/Adelaide',
  'Australia/Darwin',
  'Australia/Perth',
  'Australia/Eucla',
];

describe(resolveRecipientZones.name, () => {
  it.each<[string, { e164: string; region: string; contactTimeZone?: string }, string[]]>([
    // compliance-rules.md §3.3: the address zone and the number's zones must both allow.
    [
      'the contact zone narrows the number zone',
      { e164: '+12125550123', region: 'US', contactTimeZone: 'America/Denver' },
      ['America/Denver', 'America/New_York'],
    ],
    [
      'a contact zone the number already has adds nothing',
      { e164: '+12125550123', region: 'US', contactTimeZone: 'America/New_York' },
      ['America/New_York'],
    ],
    [
      'an empty contact zone is ignored',
      { e164: '+12125550123', region: 'US', contactTimeZone: '' },
      ['America/New_York'],
    ],
    ['a NANP area code', { e164: '+13105550123', region: 'US' }, ['America/Los_Angeles']],
    // §3.2: 850 spans Central and Eastern; exchange 200 is listed as Central, 201 is not listed.
    ['850, a listed exchange', { e164: '+18502000123', region: 'US' }, ['America/Chicago']],
    [
      '850, an unlisted exchange',
      { e164: '+18502010123', region: 'US' },
      ['America/Chicago', 'America/New_York'],
    ],
    [
      '208, an unlisted exchange',
      { e164: '+12082000123', region: 'US' },
      ['America/Boise', 'America/Los_Angeles', 'America/Denver'],
    ],
    [
      '812, an unlisted exchange',
      { e164: '+18122000123', region: 'US' },
      ['America/Chicago', 'America/New_York', 'America/Indiana/Tell_City'],
    ],
    ['a listed exchange spanning two zones', { e164: '+12082010123', region: 'US' }, ['America/Denver']],
    // §3.4: Australian 04 mobiles carry no place: every zone of the country; a Sydney fixed line keeps Sydney.
    ['an Australian mobile', { e164: '+61412345678', region: 'AU' }, AUSTRALIA],
    ['an Australian Sydney number', { e164: '+61293744000', region: 'AU' }, ['Australia/Sydney']],
    [
      'a Spanish mobile',
      { e164: '+34612345678', region: 'ES' },
      ['Europe/Madrid', 'Africa/Ceuta', 'Atlantic/Canary'],
    ],
    ['China, one legal zone', { e164: '+8613812345678', region: 'CN' }, ['Asia/Shanghai']],
    [
      'a bare country code falls back to the country',
      { e164: '+4930123456', region: 'DE' },
      ['Europe/Berlin'],
    ],
    ['unknown to the map and the country', { e164: '+80012345678', region: '001' }, []],
    [
      'unknown, with a contact zone',
      { e164: '+80012345678', region: '001', contactTimeZone: 'Europe/Paris' },
      ['Europe/Paris'],
    ],
  ])('%s', (_, input, zones) => {
    expect(resolveRecipientZones(input)).toEqual(zones);
  });

  it('uses the country zones, not all of NANP, when only +1 matches', () => {
    const zones = resolveRecipientZones({ e164: '+12995550123', region: 'US' });
    expect(zones).toContain('America/New_York');
    expect(zones).toContain('Pacific/Honolulu');
    expect(zones).not.toContain('Pacific/Guam');
  });

  it('keeps the bare-prefix zones when the country has none of its own', () => {
    expect(numberZones('+12995550123', 'ZZ')).toHaveLength(42);
  });
});

describe(areaCodeZones.name, () => {
  it.each<[string, string[]]>([
    ['212', ['America/New_York']],
    ['850', ['America/Chicago', 'America/New_York']],
    ['423', ['America/Chicago', 'America/New_York']],
    ['928', ['America/Phoenix', 'America/Denver']],
    ['299', []],
  ])('%s → %j', (code, zones) => {
    expect(areaCodeZones(code)).toEqual(zones);
  });

  it('names only real IANA zones', () => {
    const named = [...Object.values(ZONE_SPANNING_AREA_CODES).flat()];
    expect(named.filter((zone) => !IANAZone.isValidZone(zone))).toEqual([]);
    expect(NON_GEOGRAPHIC_MOBILE_RANGES.every((range) => /^\d{2,4}$/.test(range.prefix))).toBe(true);
  });
});

describe('the window of a number the map cannot pin (compliance-rules.md §3.1, §3.2, §3.4)', () => {
  // Fla. Stat. §501.059: 08:00-20:00. 850 with an unlisted exchange: Central and Eastern, so 08:00 Central
  // to 20:00 Eastern, across the spring change of 8 March 2026 (both zones move at 02:00 local).
  const florida = effectiveRules({ region: 'US', subdivisions: ['FL'] }, POLICY);
  const unlisted = resolveRecipientZones({ e164: '+18502010123', region: 'US' });
  const listed = resolveRecipientZones({ e164: '+18502000123', region: 'US' });

  it.each<[string, string, boolean, string | undefined]>([
    [
      '08:30 EDT is 07:30 CDT on the day clocks spring forward',
      '2026-03-08T12:30:00Z',
      false,
      '2026-03-08T13:00:00.000Z',
    ],
    ['08:00 CDT, 09:00 EDT', '2026-03-08T13:00:00Z', true, undefined],
    ['19:59 EDT', '2026-03-08T23:59:00Z', true, undefined],
    ['20:00 EDT, 19:00 CDT', '2026-03-09T00:00:00Z', false, '2026-03-09T13:00:00.000Z'],
    [
      '08:30 EST is 07:30 CST the day clocks fall back',
      '2026-11-01T13:30:00Z',
      false,
      '2026-11-01T14:00:00.000Z',
    ],
    ['20:00 EST', '2026-11-02T01:00:00Z', false, '2026-11-02T14:00:00.000Z'],
  ])('unlisted exchange, %s', (_, at, allowed, opensAt) => {
    const check = checkSendingWindow(new Date(at), unlisted, florida);
    expect(check.allowed).toBe(allowed);
    if (!check.allowed) expect(check.opensAt.toISOString()).toBe(opensAt);
  });

  it('a listed Central exchange is open at 19:30 CDT, which the unlisted one is not', () => {
    const at = new Date('2026-03-09T00:30:00Z');
    expect(checkSendingWindow(at, listed, florida).allowed).toBe(true);
    expect(checkSendingWindow(at, unlisted, florida).allowed).toBe(false);
  });

  // An Australian mobile on a summer Wednesday: 08:00 in Perth (UTC+8) to 21:00 on Lord Howe (UTC+11).
  const australia = effectiveRules({ region: 'AU', subdivisions: [] }, POLICY);
  const mobile = resolveRecipientZones({ e164: '+61412345678', region: 'AU' });

  it.each<[string, string, boolean, string | undefined]>([
    ['09:00 in Sydney is 06:00 in Perth', '2026-01-13T22:00:00Z', false, '2026-01-14T00:00:00.000Z'],
    ['08:00 in Perth', '2026-01-14T00:00:00Z', true, undefined],
    ['20:59 on Lord Howe', '2026-01-14T09:59:00Z', true, undefined],
    [
      '21:00 in Sydney and on Lord Howe, 18:00 in Perth',
      '2026-01-14T10:00:00Z',
      false,
      '2026-01-15T00:00:00.000Z',
    ],
  ])('Australian mobile, %s', (_, at, allowed, opensAt) => {
    const check = checkSendingWindow(new Date(at), mobile, australia);
    expect(check.allowed).toBe(allowed);
    if (!check.allowed) expect(check.opensAt.toISOString()).toBe(opensAt);
  });
});
