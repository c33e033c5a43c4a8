import {
  checkFrequency,
  checkSendingWindow,
  chooseSendTime,
  spreadRelease,
  type DeferralReason,
  type EffectiveRules,
  type WorkMessage,
} from '@optline/domain';

/** What to do with a message now. */
export type Decision =
  | { kind: 'release' }
  | { kind: 'defer'; scheduledFor: Date; dueAt: Date; reason?: DeferralReason }
  | { kind: 'block'; reason: 'FREQUENCY_CAP' | 'DUPLICATE_CONTENT' | 'CAMPAIGN_PAUSED' }
  | { kind: 'expire' }
  | { kind: 'cancel' };

/** What scheduling knows about the message's recipient and campaign when it decides. */
export interface DecisionFacts {
  now: Date;
  /** The recipient's jurisdictions and the tenant policy combined (effectiveRules). */
  rules: EffectiveRules;
  /** An opt-out was recorded after the consent that let the message through (consent-view.ts). */
  revoked: boolean;
  campaignPaused: boolean;
  /** The recipient's marketing messages released in the last 7 days. */
  recentSends: Array<{ at: Date; bodyHash: string }>;
  bodyHash: string;
  /** Local hours (0-23) of the recipient's replies, for `timing: optimal`. */
  replyHours: number[];
}

const RELEASE: Decision = { kind: 'release' };

/**
 * Decides a message when it arrives from consent (`arrival`) or when its deferral comes due (`due`):
 * 1. the system's own replies (STOP confirmation, HELP) go at once: exempt from windows and caps, and the
 *    confirmation must go within 5 minutes (47 CFR 64.1200(a)(12); CONTRACT §3);
 * 2. past `expiresAt`: expired; revoked since consent let it through: cancelled; its campaign paused: blocked;
 * 3. held until `notBefore`; marketing also until the recipient's sending window opens (checkSendingWindow:
 *    TCPA 47 CFR 64.1200(c)(1) and the state and country rules), released spread over the first 30 minutes of
 *    the opening (spreadRelease); `timing: optimal` marketing until the chosen send time (chooseSendTime);
 * 4. marketing that would go now is checked against the frequency caps and duplicate content (checkFrequency:
 *    CONTRACT §3, Fla. Stat. §501.059 and the other state caps through `rules`); it counts when released.
 * A message held past its `expiresAt` comes due at `expiresAt` and expires then.
 */
export function decide(message: WorkMessage, phase: 'arrival' | 'due', facts: DecisionFacts): Decision {
  if (message.kind !== 'request') return RELEASE;
  const now = facts.now.getTime();
  const expiresAt = message.expiresAt === undefined ? Infinity : Date.parse(message.expiresAt);
  if (expiresAt <= now) return { kind: 'expire' };
  if (facts.revoked) return { kind: 'cancel' };
  if (facts.campaignPaused) return { kind: 'block', reason: 'CAMPAIGN_PAUSED' };

  const earliest = Math.max(now, message.notBefore === undefined ? now : Date.parse(message.notBefore));
  const hold =
    message.purpose === 'marketing' ? marketingTime(message, phase, earliest, facts) : { at: earliest };
  if (hold.at > now) {
    return {
      kind: 'defer',
      scheduledFor: new Date(hold.at),
      dueAt: new Date(Math.min(hold.at, expiresAt)),
      ...(hold.reason === undefined ? {} : { reason: hold.reason }),
    };
  }
  if (message.purpose === 'marketing') {
    const { maxPer24h, maxPer7d } = facts.rules;
    const frequency = checkFrequency(
      facts.recentSends,
      { bodyHash: facts.bodyHash },
      { maxPer24h, maxPer7d },
      facts.now,
    );
    if (!frequency.allowed) return { kind: 'block', reason: frequency.reason };
  }
  return RELEASE;
}

/** When a marketing message may go, from `earliest` on. */
function marketingTime(
  message: WorkMessage,
  phase: 'arrival' | 'due',
  earliest: number,
  facts: DecisionFacts,
): { at: number; reason?: DeferralReason } {
  const { zones } = message.recipient;
  const window = checkSendingWindow(new Date(earliest), zones, facts.rules);
  let target = earliest;
  if (phase === 'arrival' && message.timing === 'optimal') {
    const chosen = chooseSendTime({
      at: new Date(earliest),
      zones,
      rules: facts.rules,
      replyHours: facts.replyHours,
      ...(message.expiresAt === undefined ? {} : { expiresAt: new Date(message.expiresAt) }),
    }).getTime();
    target = Math.max(earliest, chosen);
  }
  const reason = window.allowed ? undefined : window.reason;
  const atTarget = target === earliest ? window : checkSendingWindow(new Date(target), zones, facts.rules);
  if (!atTarget.allowed)
    return { at: spreadRelease(atTarget.opensAt, message.messageId).getTime(), reason: atTarget.reason };
  if (target === earliest) return { at: earliest };
  return {
    at: spreadRelease(new Date(target), message.messageId).getTime(),
    ...(reason === undefined ? {} : { reason }),
  };
}
