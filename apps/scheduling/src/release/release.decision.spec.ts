import { DEFAULT_POLICY, bodyHash, effectiveRules, type WorkMessage } from '@optline/domain';

import { decide, type DecisionFacts } from './release.decision';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Wednesday 2026-11-25 15:00 UTC: 10:00 in New York, 02:00 in Sydney (next day). */
const NOW = new Date('2026-11-25T15:00:00Z');

function message(overrides: Partial<WorkMessage> = {}): WorkMessage {
  return {
    kind: 'request',
    messageId: 'm-1',
    tenantId: 'demo',
    purpose: 'marketing',
    recipient: {
      e164: '+12125550123',
      region: 'US',
      numberType: 'MOBILE',
      zones: ['America/New_York'],
      subdivisions: ['NY'],
    },
    body: 'Optline Demo: offer. Reply STOP to opt out',
    segments: 1,
    senderId: 'Optline Demo',
    timing: 'immediate',
    requestedAt: NOW.toISOString(),
    acceptedAt: NOW.toISOString(),
    consentEventId: 'consent_event:c-1',
    ...overrides,
  };
}

function facts(overrides: Partial<DecisionFacts> = {}, region = 'US', subdivisions = ['NY']): DecisionFacts {
  return {
    now: NOW,
    rules: effectiveRules({ region, subdivisions }, DEFAULT_POLICY),
    revoked: false,
    campaignPaused: false,
    recentSends: [],
    bodyHash: bodyHash('Optline Demo: offer. Reply STOP to opt out'),
    replyHours: [],
    ...overrides,
  };
}

const sydney = {
  e164: '+61412345678',
  region: 'AU',
  numberType: 'MOBILE',
  zones: ['Australia/Sydney'],
  subdivisions: [],
};

describe('what scheduling does with a message', () => {
  it('releases marketing inside the window with room under the caps', () => {
    expect(decide(message(), 'arrival', facts())).toEqual({ kind: 'release' });
  });

  it('defers marketing outside the window to the opening, spread over its first 30 minutes', () => {
    const decision = decide(message({ recipient: sydney }), 'arrival', facts({}, 'AU', []));
    // Sydney opens at 08:00 AEDT = 21:00 UTC.
    const opensAt = Date.parse('2026-11-25T21:00:00Z');
    expect(decision).toMatchObject({ kind: 'defer', reason: 'QUIET_HOURS' });
    const scheduledFor = decision.kind === 'defer' ? decision.scheduledFor.getTime() : 0;
    expect(scheduledFor).toBeGreaterThanOrEqual(opensAt);
    expect(scheduledFor).toBeLessThan(opensAt + 30 * MINUTE);
  });

  it('defers on a public holiday where the jurisdiction bans them (France, Christmas)', () => {
    const paris = {
      e164: '+33612345678',
      region: 'FR',
      numberType: 'MOBILE',
      zones: ['Europe/Paris'],
      subdivisions: [],
    };
    const christmas = new Date('2026-12-25T11:00:00Z');
    expect(
      decide(message({ recipient: paris }), 'arrival', facts({ now: christmas }, 'FR', [])),
    ).toMatchObject({
      kind: 'defer',
      reason: 'HOLIDAY',
    });
  });

  it.each([
    ['transactional', message({ recipient: sydney, purpose: 'transactional' })],
    ['a STOP confirmation', message({ recipient: sydney, purpose: 'transactional', kind: 'confirmation' })],
    ['a HELP answer', message({ recipient: sydney, purpose: 'transactional', kind: 'help' })],
  ])('does not hold %s at night', (_, held) => {
    expect(decide(held, 'arrival', facts({}, 'AU', []))).toEqual({ kind: 'release' });
  });

  it('releases system replies even when the number has opted out or caps are full', () => {
    const confirmation = message({ kind: 'confirmation', purpose: 'transactional' });
    const full = [
      { at: new Date(NOW.getTime() - HOUR), bodyHash: 'a' },
      { at: new Date(NOW.getTime() - HOUR), bodyHash: 'b' },
    ];
    expect(decide(confirmation, 'arrival', facts({ revoked: true, recentSends: full }))).toEqual({
      kind: 'release',
    });
  });

  it('holds until notBefore, without a reason, and comes due no later than expiresAt', () => {
    const notBefore = new Date(NOW.getTime() + HOUR);
    const expiresAt = new Date(NOW.getTime() + 10 * MINUTE);
    expect(
      decide(message({ purpose: 'transactional', notBefore: notBefore.toISOString() }), 'arrival', facts()),
    ).toEqual({
      kind: 'defer',
      scheduledFor: notBefore,
      dueAt: notBefore,
    });
    const held = decide(
      message({ notBefore: notBefore.toISOString(), expiresAt: expiresAt.toISOString() }),
      'arrival',
      facts(),
    );
    expect(held).toEqual({ kind: 'defer', scheduledFor: notBefore, dueAt: expiresAt });
  });

  it('expires, cancels and blocks in that order', () => {
    const past = new Date(NOW.getTime() - MINUTE).toISOString();
    expect(
      decide(message({ expiresAt: past }), 'due', facts({ revoked: true, campaignPaused: true })),
    ).toEqual({ kind: 'expire' });
    expect(decide(message(), 'due', facts({ revoked: true, campaignPaused: true }))).toEqual({
      kind: 'cancel',
    });
    expect(decide(message(), 'due', facts({ campaignPaused: true }))).toEqual({
      kind: 'block',
      reason: 'CAMPAIGN_PAUSED',
    });
  });

  it('blocks the third marketing message in 24 h (FREQUENCY_CAP), not a deferral, and a repeated body (DUPLICATE_CONTENT)', () => {
    const sends = [
      { at: new Date(NOW.getTime() - 2 * HOUR), bodyHash: 'first' },
      { at: new Date(NOW.getTime() - HOUR), bodyHash: 'second' },
    ];
    expect(decide(message(), 'arrival', facts({ recentSends: sends }))).toEqual({
      kind: 'block',
      reason: 'FREQUENCY_CAP',
    });
    expect(decide(message({ purpose: 'transactional' }), 'arrival', facts({ recentSends: sends }))).toEqual({
      kind: 'release',
    });
    const repeat = [
      {
        at: new Date(NOW.getTime() - HOUR),
        bodyHash: bodyHash('Optline Demo: offer. Reply STOP to opt out'),
      },
    ];
    expect(decide(message(), 'arrival', facts({ recentSends: repeat }))).toEqual({
      kind: 'block',
      reason: 'DUPLICATE_CONTENT',
    });
  });

  it('caps 6 in 7 days', () => {
    const week = Array.from({ length: 6 }, (_, i) => ({
      at: new Date(NOW.getTime() - (i + 1.5) * 24 * HOUR),
      bodyHash: `b${i}`,
    }));
    expect(decide(message(), 'arrival', facts({ recentSends: week }))).toEqual({
      kind: 'block',
      reason: 'FREQUENCY_CAP',
    });
  });

  it('a deferred message that comes due inside the window goes; one that comes due outside is deferred again', () => {
    expect(decide(message(), 'due', facts())).toEqual({ kind: 'release' });
    expect(decide(message({ recipient: sydney }), 'due', facts({}, 'AU', []))).toMatchObject({
      kind: 'defer',
      reason: 'QUIET_HOURS',
    });
  });

  describe('timing optimal', () => {
    it('waits for the hour the recipient replies in (spread within it), inside the window', () => {
      const decision = decide(message({ timing: 'optimal' }), 'arrival', facts({ replyHours: [14, 14, 9] }));
      // 14:00 in New York = 19:00 UTC.
      const hour = Date.parse('2026-11-25T19:00:00Z');
      expect(decision).toMatchObject({ kind: 'defer' });
      expect(decision.kind === 'defer' ? decision.reason : 'not deferred').toBeUndefined();
      const at = decision.kind === 'defer' ? decision.scheduledFor.getTime() : 0;
      expect(at).toBeGreaterThanOrEqual(hour);
      expect(at).toBeLessThan(hour + 30 * MINUTE);
    });

    it('goes at once without history, and at the opening when the window is closed', () => {
      expect(decide(message({ timing: 'optimal' }), 'arrival', facts())).toEqual({ kind: 'release' });
      expect(
        decide(message({ timing: 'optimal', recipient: sydney }), 'arrival', facts({}, 'AU', [])),
      ).toMatchObject({
        kind: 'defer',
        reason: 'QUIET_HOURS',
      });
    });

    it('is not chosen again when the deferral comes due', () => {
      expect(decide(message({ timing: 'optimal' }), 'due', facts({ replyHours: [20] }))).toEqual({
        kind: 'release',
      });
    });
  });
});
