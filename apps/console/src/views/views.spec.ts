import { describe, expect, it } from 'vitest';

import type { MessageTimeline, NumberHistory } from '../api';
import { parseRoute, routeHash } from '../route';
import { toFilter } from './events';
import { timelineSteps } from './message';
import { isErased } from './number';

describe('message timeline', () => {
  it('merges events and outcomes oldest first, a decision before the outcome it produced', () => {
    const timeline: MessageTimeline = {
      messageId: 'm1',
      events: [
        {
          id: 'b',
          tenantId: 'demo',
          at: '2026-11-28T10:00:02Z',
          service: 'consent',
          action: 'message.blocked',
          subject: {},
          reason: 'OPTED_OUT',
          detail: { rulesVersion: 'r7' },
        },
        {
          id: 'a',
          tenantId: 'demo',
          at: '2026-11-28T10:00:01Z',
          service: 'validation',
          action: 'message.received',
          subject: {},
          detail: { rulesVersion: 'r7' },
        },
      ],
      outcomes: [
        {
          messageId: 'm1',
          status: 'blocked',
          reason: 'OPTED_OUT',
          at: '2026-11-28T10:00:02Z',
          detail: { rulesVersion: 'r7' },
        },
      ],
    };
    const steps = timelineSteps(timeline);
    expect(steps.map((s) => [s.kind, s.name, s.reason ?? null])).toEqual([
      ['event', 'message.received', null],
      ['event', 'message.blocked', 'OPTED_OUT'],
      ['outcome', 'blocked', 'OPTED_OUT'],
    ]);
    expect(steps.every((s) => s.rulesVersion === 'r7')).toBe(true);
  });
});

describe('events filter', () => {
  it("reads the pickers in the auditor's zone and leaves empty fields out", () => {
    expect(
      toFilter(
        { from: '2026-11-28T06:00', to: '', action: ' message.blocked ', reason: '', campaignId: 'spring' },
        'America/New_York',
      ),
    ).toEqual({ from: '2026-11-28T06:00:00-05:00', action: 'message.blocked', campaignId: 'spring' });
  });
});

describe('number', () => {
  it('counts as erased once a number.erased event is in its hygiene', () => {
    const history = (actions: string[]): NumberHistory => ({
      phone: '+1212555****',
      phoneFingerprint: 'f'.repeat(64),
      consent: [],
      messages: [],
      feedback: [],
      hygiene: actions.map((action, i) => ({
        id: `h${i}`,
        tenantId: 'demo',
        at: '2026-01-01T00:00:00Z',
        service: 'consent',
        action,
        subject: {},
        detail: {},
      })),
    });
    expect(isErased(history(['number.suppressed']))).toBe(false);
    expect(isErased(history(['number.suppressed', 'number.erased']))).toBe(true);
  });
});

describe('routes', () => {
  it('round-trip a view and its subject through the hash; unknown views fall back to the message view', () => {
    expect(parseRoute(routeHash('message', 'spring:c/42'))).toEqual({
      view: 'message',
      subject: 'spring:c/42',
    });
    expect(parseRoute('#/integrity')).toEqual({ view: 'integrity' });
    expect(parseRoute('#/settings/x')).toEqual({ view: 'message', subject: 'x' });
    expect(parseRoute('')).toEqual({ view: 'message' });
  });
});
