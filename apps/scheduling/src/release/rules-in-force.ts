import {
  catalogVersions,
  effectiveRules,
  rulesInForce,
  type Blackout,
  type EffectivePolicy,
  type EffectiveRules,
  type RuleVersion,
  tenantCompliance,
} from '@optline/domain';

type TenantBlackout = ReturnType<typeof tenantCompliance>['blackouts'][number];

interface Where {
  region: string;
  subdivisions: readonly string[];
}

/**
 * The cache key of a recipient's rules at `at`: the tenant, and every jurisdiction that could apply with the
 * version in force then (none, when it has none yet). A jurisdiction's rules change at dated instants
 * (jurisdictions.data.ts), so a cached set is never applied past the end of a version it was built from.
 */
export function rulesKey(tenantId: string, where: Where, at: Date): string {
  const ids = [
    'DEFAULT',
    where.region,
    ...[...new Set(where.subdivisions)].sort().map((s) => `${where.region}-${s}`),
  ];
  return [tenantId, ...ids.map((id) => `${id}@${rulesInForce(id, at)?.version ?? '-'}`)].join('|');
}

/**
 * The rules in force at `at` for a recipient (effectiveRules), with the tenant's own dated blackouts: one
 * without jurisdictions closes every recipient of the tenant, so it is given the recipient's country and
 * DEFAULT, one of which always applies.
 */
export function rulesAt(
  where: Where,
  policy: EffectivePolicy,
  blackouts: readonly TenantBlackout[],
  at: Date,
): EffectiveRules {
  const own: Blackout[] = blackouts.flatMap(({ jurisdictions, ...blackout }) =>
    (jurisdictions ?? [where.region, 'DEFAULT']).map((jurisdiction) => ({ ...blackout, jurisdiction })),
  );
  return effectiveRules({ region: where.region, subdivisions: [...where.subdivisions] }, policy, at, {
    blackouts: own,
  });
}

/**
 * The rule versions that decide a marketing message, for its audit detail (issue 17, point 5): each applied
 * jurisdiction's version in force at the decision, the recipient zones table, and China's holiday
 * arrangement when the recipient is in China.
 */
export function decidingRules(rules: EffectiveRules, region: string): RuleVersion[] {
  return [
    ...rules.ruleVersions,
    ...catalogVersions(['RECIPIENT-ZONES', ...(region === 'CN' ? ['HOLIDAYS-CN'] : [])]),
  ];
}
