import { revocationScope, type Purpose, type RevocationScope } from '@optline/domain';

import { PURPOSES } from '../ledger/ledger.service';

/**
 * How far a STOP reaches (revocationScope; compliance-rules.md §3.12; 47 CFR 64.1200(a)(10), revoke-all waived
 * to 2027-01-31). The ledger keeps consent per purpose, so a program here is a purpose, and the program a STOP
 * answered is the purpose of the last message consent let through to the number. Only marketing is ever kept
 * apart: a STOP that answered marketing, for a tenant that opted in, while the waiver lasts, leaves
 * transactional consent alone; every other STOP revokes every purpose (CONTRACT §3, the stricter default).
 */
export function revocationPurposes(input: {
  at: Date;
  tenantPerProgram: boolean;
  answered: Purpose | undefined;
}): { scope: RevocationScope; purposes: readonly Purpose[] } {
  const scope = revocationScope({
    at: input.at,
    tenantPerProgram: input.tenantPerProgram,
    ...(input.answered === 'marketing' ? { programId: 'marketing' } : {}),
  });
  return { scope, purposes: scope.scope === 'program' ? ['marketing'] : PURPOSES };
}
