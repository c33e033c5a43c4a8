import type { Purpose } from '@optline/domain';

import { revocationPurposes } from './revocation-purposes';

describe(revocationPurposes.name, () => {
  const WAIVED = new Date('2026-12-02T12:00:00Z');
  // The Bureau order of 2026-01-06 waives revoke-all until 2027-01-31 00:00 Eastern (47 CFR 64.1200(a)(10)).
  const LAST_WAIVED = new Date('2027-01-30T23:59:59-05:00');
  const REVOKE_ALL = new Date('2027-01-31T00:00:00-05:00');

  it.each<[string, Date, boolean, Purpose | undefined, string, Purpose[]]>([
    ['a tenant that did not opt in', WAIVED, false, 'marketing', 'all', ['marketing', 'transactional']],
    [
      'an opted-in tenant, a STOP to marketing, waiver in force',
      WAIVED,
      true,
      'marketing',
      'program',
      ['marketing'],
    ],
    ['the last instant of the waiver', LAST_WAIVED, true, 'marketing', 'program', ['marketing']],
    ['revoke-all in force again', REVOKE_ALL, true, 'marketing', 'all', ['marketing', 'transactional']],
    [
      'a STOP to a transactional message',
      WAIVED,
      true,
      'transactional',
      'all',
      ['marketing', 'transactional'],
    ],
    [
      'no message known to have gone to the number',
      WAIVED,
      true,
      undefined,
      'all',
      ['marketing', 'transactional'],
    ],
  ])('%s: scope %s, revokes %j', (_, at, tenantPerProgram, answered, scope, purposes) => {
    const result = revocationPurposes({ at, tenantPerProgram, answered });
    expect(result.scope.scope).toBe(scope);
    expect(result.purposes).toEqual(purposes);
  });

  it('names the rule version that decided', () => {
    expect(
      revocationPurposes({ at: REVOKE_ALL, tenantPerProgram: true, answered: 'marketing' }).scope.rule,
    ).toEqual({
      id: 'US-FCC-REVOKE-ALL',
      version: '2',
    });
  });
});
