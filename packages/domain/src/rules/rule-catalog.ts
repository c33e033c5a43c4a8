import type { RuleVersion } from './jurisdiction.rule';

/**
 * Versions of the rules that are not per jurisdiction, for a decision's audit detail next to the jurisdiction
 * versions of EffectiveRules.ruleVersions. Bump a rule's version when its table or behaviour changes (and
 * RULES_VERSION with it); the version says which data it carries where that is dated.
 */
export const RULE_CATALOG: Readonly<Record<string, string>> = {
  /** Reply keywords and revocation phrases (inbound-keywords.data.ts, revocation-phrases.data.ts). */
  'REPLY-CLASSIFICATION': '2',
  /** Public shortener list: the upstream commit date (public-shorteners.data.ts). */
  'CONTENT-SHORTENERS': '2025-09-10',
  /** China's holidays: the latest General Office arrangement carried (cn-holidays.data.ts). */
  'HOLIDAYS-CN': '2026',
  'IN-DLT': '1',
  'SENDER-IDENTITY': '1',
  /** Zone-spanning area codes and non-geographic mobile ranges (zone-candidates.data.ts). */
  'RECIPIENT-ZONES': '2',
};

/** The catalog entries named, as RuleVersion records; an unknown id is an error in the caller's code. */
export function catalogVersions(ids: readonly string[]): RuleVersion[] {
  return ids.map((id) => {
    const version = RULE_CATALOG[id];
    if (version === undefined) throw new Error(`unknown rule id ${id}`);
    return { id, version };
  });
}
