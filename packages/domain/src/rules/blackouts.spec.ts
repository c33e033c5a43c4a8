import { DEMO_POLICY as POLICY } from '../../test/fixtures';
import type { Blackout } from './blackouts.data';
import { effectiveRules } from './jurisdiction.rule';
import { checkSendingWindow } from './sending-window.rule';

// LPSC General Order R-29617; lpsc.louisiana.gov/DNC_Emergency: no solicitation during a declared emergency, and
// none on a holiday the governor declares (3 July 2023). Louisiana: Mon-Sat 08:00-20:00.
describe('Louisiana blackouts', () => {
  const zones = ['America/Chicago'];
  const hurricane: Blackout = {
    jurisdiction: 'US-LA',
    kind: 'emergency',
    from: '2026-09-01T06:00:00-05:00',
    until: '2026-09-03T12:00:00-05:00',
    source: 'test: a declared emergency',
  };

  it('closes the governor-declared holiday of 3 July 2023', () => {
    const rules = effectiveRules(
      { region: 'US', subdivisions: ['LA'] },
      POLICY,
      new Date('2023-07-03T12:00:00-05:00'),
    );
    expect(checkSendingWindow(new Date('2023-07-03T12:00:00-05:00'), zones, rules)).toEqual({
      allowed: false,
      reason: 'HOLIDAY',
      opensAt: new Date('2023-07-05T08:00:00-05:00'), // 4 July is a holiday too
      blackout: 'declared-holiday',
    });
  });

  it.each<[string, boolean, string | undefined]>([
    ['2026-09-01T05:59:00-05:00', false, '2026-09-03T17:00:00.000Z'], // opens when the emergency ends
    ['2026-09-02T12:00:00-05:00', false, '2026-09-03T17:00:00.000Z'],
    ['2026-09-03T12:00:00-05:00', true, undefined],
    ['2026-08-31T12:00:00-05:00', true, undefined],
  ])('an operator-added emergency: %s allowed %s', (at, allowed, opensAt) => {
    const rules = effectiveRules({ region: 'US', subdivisions: ['LA'] }, POLICY, new Date(at), {
      blackouts: [hurricane],
    });
    const check = checkSendingWindow(new Date(at), zones, rules);
    expect(check.allowed).toBe(allowed);
    if (!check.allowed) expect(check.opensAt.toISOString()).toBe(opensAt);
  });

  it('leaves other states open', () => {
    const rules = effectiveRules({ region: 'US', subdivisions: ['TX'] }, POLICY, undefined, {
      blackouts: [hurricane],
    });
    expect(rules.blackouts).toEqual([]);
    expect(checkSendingWindow(new Date('2026-09-02T12:00:00-05:00'), zones, rules).allowed).toBe(true);
  });

  it('reports an emergency as QUIET_HOURS with the blackout named', () => {
    const rules = effectiveRules({ region: 'US', subdivisions: ['LA'] }, POLICY, undefined, {
      blackouts: [hurricane],
    });
    expect(checkSendingWindow(new Date('2026-09-02T12:00:00-05:00'), zones, rules)).toMatchObject({
      reason: 'QUIET_HOURS',
      blackout: 'emergency',
    });
  });
});
