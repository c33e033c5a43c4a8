import { revocationScope } from './revocation-scope.rule';

describe(revocationScope.name, () => {
  // 47 CFR 64.1200(a)(10): revoke-all waived until 2027-01-31 (Bureau order of 2026-01-06); CONTRACT §3: all.
  it.each<[string, string, boolean, string | undefined, object]>([
    [
      'default policy',
      '2026-12-02T12:00:00Z',
      false,
      'spring-sale',
      { scope: 'all', rule: { id: 'US-FCC-REVOKE-ALL', version: '1' } },
    ],
    [
      'opted in, during the waiver',
      '2026-12-02T12:00:00Z',
      true,
      'spring-sale',
      { scope: 'program', programId: 'spring-sale', rule: { id: 'US-FCC-REVOKE-ALL', version: '1' } },
    ],
    [
      'opted in, last minute of the waiver',
      '2027-01-30T23:59:00-05:00',
      true,
      'p',
      { scope: 'program', programId: 'p', rule: { id: 'US-FCC-REVOKE-ALL', version: '1' } },
    ],
    [
      'opted in, once the waiver ends',
      '2027-01-31T00:00:00-05:00',
      true,
      'p',
      { scope: 'all', rule: { id: 'US-FCC-REVOKE-ALL', version: '2' } },
    ],
    [
      'opted in, no program known',
      '2026-12-02T12:00:00Z',
      true,
      undefined,
      { scope: 'all', rule: { id: 'US-FCC-REVOKE-ALL', version: '1' } },
    ],
  ])('%s', (_, at, tenantPerProgram, programId, expected) => {
    expect(
      revocationScope({
        at: new Date(at),
        tenantPerProgram,
        ...(programId === undefined ? {} : { programId }),
      }),
    ).toEqual(expected);
  });
});
