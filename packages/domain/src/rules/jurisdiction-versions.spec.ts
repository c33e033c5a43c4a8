import { DEMO_POLICY as POLICY } from '../../test/fixtures';
import { effectiveRules, JURISDICTIONS, rulesInForce } from './jurisdiction.rule';
import { JURISDICTION_VERSIONS } from './jurisdictions.data';
import { checkSendingWindow } from './sending-window.rule';

describe(rulesInForce.name, () => {
  it.each<[string, string, string | undefined, string | undefined]>([
    // Conn. Gen. Stat. §42-288a: PA 23-98 (SB 1058) moved the close from 21:00 to 20:00 on 2023-10-01 [S].
    ['US-CT', '2023-09-30T23:59:59-04:00', '1', '21:00'],
    ['US-CT', '2023-10-01T00:00:00-04:00', '2', '20:00'],
    ['US-CT', '2026-12-02T12:00:00Z', '2', '20:00'],
    // Fla. Stat. §501.059 as amended by SB 1120, in force 2021-07-01 [P].
    ['US-FL', '2021-06-30T23:59:00-04:00', undefined, undefined],
    ['US-FL', '2021-07-01T00:00:00-04:00', '1', '20:00'],
    // 15 O.S. §775C, in force 2022-11-01; Maryland's Stop the Spam Calls Act, in force 2024-01-01.
    ['US-OK', '2022-10-31T12:00:00-05:00', undefined, undefined],
    ['US-OK', '2022-11-01T12:00:00-05:00', '1', '20:00'],
    ['US-MD', '2023-12-31T12:00:00-05:00', undefined, undefined],
    ['US-MD', '2024-01-01T12:00:00-05:00', '1', '20:00'],
    ['US', '2020-01-01T00:00:00Z', '1', '21:00'],
  ])('%s at %s → version %s, Monday close %s', (id, at, version, close) => {
    const rules = rulesInForce(id, new Date(at));
    expect(rules?.version).toBe(version);
    expect(rules?.week.mon?.end).toBe(close);
  });

  it('gives each jurisdiction one unbroken line of versions, the last of them current', () => {
    const ids = [...new Set(JURISDICTION_VERSIONS.map((rules) => rules.id))];
    for (const id of ids) {
      const versions = JURISDICTION_VERSIONS.filter((rules) => rules.id === id);
      for (let i = 1; i < versions.length; i++) expect(versions[i]?.from).toBe(versions[i - 1]?.until);
      expect(versions.at(-1)?.until).toBeUndefined();
      expect(JURISDICTIONS[id]).toBe(versions.at(-1));
      expect(new Set(versions.map((rules) => rules.version)).size).toBe(versions.length);
    }
  });
});

describe('a decision applies the rules in force at its instant and names their versions', () => {
  const connecticut = (at: string) =>
    effectiveRules({ region: 'US', subdivisions: ['CT'] }, POLICY, new Date(at));

  it.each<[string, boolean, string]>([
    ['2023-09-29T20:30:00-04:00', true, '1'],
    ['2023-10-02T20:30:00-04:00', false, '2'],
  ])('Connecticut at 20:30 on %s: allowed %s under US-CT version %s', (at, allowed, version) => {
    const rules = connecticut(at);
    expect(checkSendingWindow(new Date(at), ['America/New_York'], rules).allowed).toBe(allowed);
    expect(rules.ruleVersions).toEqual([
      { id: 'US', version: '1' },
      { id: 'US-CT', version },
    ]);
  });

  it('Florida before SB 1120 applied only the federal rule', () => {
    const before = effectiveRules(
      { region: 'US', subdivisions: ['FL'] },
      POLICY,
      new Date('2021-06-01T12:00:00Z'),
    );
    const after = effectiveRules(
      { region: 'US', subdivisions: ['FL'] },
      POLICY,
      new Date('2021-08-01T12:00:00Z'),
    );
    expect(before.jurisdictions).toEqual(['US']);
    expect(before.week.mon).toEqual({ start: '08:00', end: '21:00' });
    expect(after.jurisdictions).toEqual(['US', 'US-FL']);
    expect(after.week.mon).toEqual({ start: '08:00', end: '20:00' });
  });

  it('without an instant applies the current versions', () => {
    expect(effectiveRules({ region: 'US', subdivisions: ['CT'] }, POLICY).ruleVersions).toEqual([
      { id: 'US', version: '1' },
      { id: 'US-CT', version: '2' },
    ]);
  });
});
