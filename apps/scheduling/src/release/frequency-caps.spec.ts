import { DEFAULT_POLICY, JURISDICTIONS, effectiveRules, type EffectivePolicy } from '@optline/domain';

/*
 * The caps scheduling applies come from effectiveRules: the tenant policy and every jurisdiction of the
 * recipient, the smallest wins. A tenant may only make the policy stricter, so a state cap looser than the policy
 * can never show in an integration test; a policy built here, looser than any tenant may have, shows the state's
 * own number and that the minimum is taken.
 */
describe('frequency caps per jurisdiction', () => {
  const loose: EffectivePolicy = { ...DEFAULT_POLICY, maxPer24h: 5 };

  it.each(['FL', 'OK', 'MD'])('%s allows 3 per rolling 24 h (Fla. Stat. §501.059 and the like)', (state) => {
    expect(JURISDICTIONS[`US-${state}`]?.maxPer24h).toBe(3);
    expect(effectiveRules({ region: 'US', subdivisions: [state] }, loose).maxPer24h).toBe(3);
  });

  it('the default policy (2 per 24 h) is stricter than Florida, so a Florida number gets 2', () => {
    const rules = effectiveRules({ region: 'US', subdivisions: ['FL'] }, DEFAULT_POLICY);
    expect(rules.jurisdictions).toEqual(['US', 'US-FL']);
    expect(rules.maxPer24h).toBe(2);
    expect(rules.maxPer7d).toBe(6);
  });

  it('a state without a cap leaves the policy', () => {
    expect(effectiveRules({ region: 'US', subdivisions: ['NY'] }, loose).maxPer24h).toBe(5);
  });
});
