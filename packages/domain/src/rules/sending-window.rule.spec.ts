import { checkFor, expectBlocked } from '../../test/window-check';
import { DEMO_POLICY as POLICY } from '../../test/fixtures';
import { effectiveRules } from './jurisdiction.rule';
import { resolveRecipientZones } from './recipient-zones.rule';
import { checkSendingWindow } from './sending-window.rule';

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
