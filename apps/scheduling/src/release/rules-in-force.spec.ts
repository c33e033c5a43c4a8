import { DEFAULT_POLICY, checkSendingWindow } from '@optline/domain';

import { decidingRules, rulesAt, rulesKey } from './rules-in-force';

const CT = { region: 'US', subdivisions: ['CT'] };
const NEW_YORK = ['America/New_York'];

describe(rulesKey.name, () => {
  it.each<[string, string, string, boolean]>([
    // Conn. Gen. Stat. §42-288a: PA 23-98 moved the close from 21:00 to 20:00 on 2023-10-01 [S].
    ['across the Connecticut change', '2023-09-30T23:59:59-04:00', '2023-10-01T00:00:00-04:00', false],
    ['within one Connecticut version', '2023-10-01T00:00:00-04:00', '2026-12-02T12:00:00Z', true],
  ])('%s: the same key %s → %s is %s', (_, before, after, same) => {
    expect(rulesKey('demo', CT, new Date(before)) === rulesKey('demo', CT, new Date(after))).toBe(same);
  });

  it.each<[string, string, string]>([
    // Fla. Stat. §501.059 as amended by SB 1120, in force 2021-07-01 [P]: a jurisdiction that begins.
    ['Florida before and after SB 1120', '2021-06-30T23:59:00-04:00', '2021-07-01T00:00:00-04:00'],
  ])('%s gets two keys', (_, before, after) => {
    const florida = { region: 'US', subdivisions: ['FL'] };
    expect(rulesKey('demo', florida, new Date(before))).not.toBe(rulesKey('demo', florida, new Date(after)));
  });

  it('tells tenants and subdivisions apart, whatever their order', () => {
    const at = new Date('2026-12-02T12:00:00Z');
    const both = { region: 'US', subdivisions: ['FL', 'CT'] };
    expect(rulesKey('demo', both, at)).toBe(
      rulesKey('demo', { region: 'US', subdivisions: ['CT', 'FL'] }, at),
    );
    expect(rulesKey('demo', both, at)).not.toBe(rulesKey('acme-eu', both, at));
    expect(rulesKey('demo', both, at)).not.toBe(rulesKey('demo', CT, at));
  });
});

describe(rulesAt.name, () => {
  it.each<[string, boolean, string]>([
    // Conn. Gen. Stat. §42-288a before and after PA 23-98.
    ['2023-09-29T20:30:00-04:00', true, '1'],
    ['2023-10-02T20:30:00-04:00', false, '2'],
  ])('Connecticut at 20:30 on %s: allowed %s, deciding under US-CT version %s', (at, allowed, version) => {
    const rules = rulesAt(CT, DEFAULT_POLICY, [], new Date(at));
    expect(checkSendingWindow(new Date(at), NEW_YORK, rules).allowed).toBe(allowed);
    expect(decidingRules(rules, 'US')).toEqual([
      { id: 'US', version: '1' },
      { id: 'US-CT', version },
      { id: 'RECIPIENT-ZONES', version: expect.any(String) },
    ]);
  });

  const storm = {
    kind: 'emergency' as const,
    from: '2026-09-01T00:00:00-05:00',
    until: '2026-09-03T00:00:00-05:00',
    source: 'operator: hurricane',
  };
  const noon = new Date('2026-09-02T12:00:00-05:00');
  const CHICAGO = ['America/Chicago'];

  it.each<[string, { region: string; subdivisions: string[] }, readonly string[] | undefined, boolean]>([
    // LPSC General Order R-29617 (compliance-rules.md §3.8): an emergency closes Louisiana, prior consent included.
    ['a Louisiana blackout closes Louisiana', { region: 'US', subdivisions: ['LA'] }, ['US-LA'], false],
    ['a Louisiana blackout leaves Texas open', { region: 'US', subdivisions: ['TX'] }, ['US-LA'], true],
    [
      'a blackout without jurisdictions closes every recipient',
      { region: 'US', subdivisions: ['TX'] },
      undefined,
      false,
    ],
    [
      'a blackout without jurisdictions closes a country without rules',
      { region: 'BR', subdivisions: [] },
      undefined,
      false,
    ],
  ])('%s', (_, where, jurisdictions, allowed) => {
    const rules = rulesAt(
      where,
      DEFAULT_POLICY,
      [{ ...storm, ...(jurisdictions === undefined ? {} : { jurisdictions }) }],
      noon,
    );
    expect(
      checkSendingWindow(noon, where.region === 'BR' ? ['America/Sao_Paulo'] : CHICAGO, rules).allowed,
    ).toBe(allowed);
  });

  it("names China's holiday arrangement for a recipient in China", () => {
    const rules = rulesAt({ region: 'CN', subdivisions: [] }, DEFAULT_POLICY, [], noon);
    expect(decidingRules(rules, 'CN').map((rule) => rule.id)).toContain('HOLIDAYS-CN');
  });
});
