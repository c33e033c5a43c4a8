import { DEMO_POLICY as POLICY } from './fixtures';
import { effectiveRules, subdivisionsForNumber } from '../src/rules/jurisdiction.rule';
import { normalisePhone } from '../src/rules/numbers.rule';
import { resolveRecipientZones } from '../src/rules/recipient-zones.rule';
import { checkSendingWindow } from '../src/rules/sending-window.rule';

/** The whole chain as the scheduling service runs it: number → zones, subdivisions, rules → window. */
export function checkFor(raw: string, at: string, contactTimeZone?: string) {
  const number = normalisePhone(raw);
  if (!number.ok) throw new Error(`bad test number ${raw}`);
  const zones = resolveRecipientZones({ e164: number.e164, region: number.region, contactTimeZone });
  const rules = effectiveRules(
    { region: number.region, subdivisions: subdivisionsForNumber(number.e164) },
    POLICY,
  );
  return checkSendingWindow(new Date(at), zones, rules);
}

export function expectBlocked(
  result: ReturnType<typeof checkSendingWindow>,
  reason: string,
  opensAt: string,
): void {
  expect(result).toEqual({ allowed: false, reason, opensAt: new Date(opensAt) });
}
