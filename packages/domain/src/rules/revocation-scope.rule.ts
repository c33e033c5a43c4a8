/*
 * How far a revocation reaches (compliance-rules.md §3.12; FCC 24-24, 47 CFR 64.1200(a)(10)): the "revoke-all"
 * part, by which a STOP to one kind of message ends every robotext from the sender on unrelated matters, is
 * waived until 2027-01-31 (Consumer and Governmental Affairs Bureau order of 2026-01-06, extending the waiver
 * to 2026-04-11). Until then a sender may scope a revocation to the program it answered; CONTRACT §3 revokes
 * everything (stricter) and stays the default, so per-program scope is a tenant's opt-in.
 */
export interface RevocationScopeRule {
  readonly id: string;
  readonly version: string;
  readonly from?: string;
  readonly until?: string;
  readonly perProgramAllowed: boolean;
  readonly citation: string;
}

const WAIVED: RevocationScopeRule = {
  id: 'US-FCC-REVOKE-ALL',
  version: '1',
  until: '2027-01-31T00:00:00-05:00',
  perProgramAllowed: true,
  citation: '47 CFR 64.1200(a)(10) revoke-all waived to 2027-01-31 (Bureau order of 2026-01-06) [S]',
};
const REVOKE_ALL: RevocationScopeRule = {
  id: 'US-FCC-REVOKE-ALL',
  version: '2',
  from: '2027-01-31T00:00:00-05:00',
  perProgramAllowed: false,
  citation: '47 CFR 64.1200(a)(10): a revocation ends all robocalls and robotexts on unrelated matters',
};
export const REVOCATION_SCOPE_RULES: readonly RevocationScopeRule[] = [WAIVED, REVOKE_ALL];

export type RevocationScope =
  | { scope: 'all'; rule: { id: string; version: string } }
  | { scope: 'program'; programId: string; rule: { id: string; version: string } };

/**
 * The scope of an opt-out at `at`: the program the reply answered, only when the tenant opted in to
 * per-program scope, the reply came in answer to a known program, and the rule in force allows it; else all.
 * A confirmation that asked "which messages?" and got no answer leaves it at all (§3.12).
 */
export function revocationScope(input: {
  at: Date;
  tenantPerProgram: boolean;
  programId?: string;
}): RevocationScope {
  const rule = input.at.getTime() < Date.parse(REVOKE_ALL.from ?? '') ? WAIVED : REVOKE_ALL;
  const named = { id: rule.id, version: rule.version };
  if (input.tenantPerProgram && rule.perProgramAllowed && input.programId !== undefined) {
    return { scope: 'program', programId: input.programId, rule: named };
  }
  return { scope: 'all', rule: named };
}
