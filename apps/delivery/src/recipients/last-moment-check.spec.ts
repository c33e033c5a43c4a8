import { lastMomentCheck, type RecipientFacts } from './last-moment-check';

const at = new Date('2026-11-28T10:00:00Z');
const optedOut: RecipientFacts = {
  consent: { status: 'opted_out', cause: 'keyword', at, ledgerEventId: 'e1' },
};

describe('lastMomentCheck', () => {
  it('lets a message with no opt-out and no suppression go', () => {
    expect(lastMomentCheck({ kind: 'request', purpose: 'marketing' }, {})).toEqual({ allowed: true });
    expect(
      lastMomentCheck(
        { kind: 'request', purpose: 'marketing' },
        { consent: { status: 'opted_in', cause: 'event', at, ledgerEventId: 'e2' } },
      ),
    ).toEqual({ allowed: true });
  });

  it('cancels a message whose purpose is opted out', () => {
    expect(lastMomentCheck({ kind: 'request', purpose: 'marketing' }, optedOut)).toMatchObject({
      allowed: false,
      state: 'cancelled',
      reason: 'OPTED_OUT',
      detail: { ledgerEventId: 'e1' },
    });
  });

  it('never cancels the confirmation of an opt-out or a HELP answer', () => {
    expect(lastMomentCheck({ kind: 'confirmation', purpose: 'transactional' }, optedOut)).toEqual({
      allowed: true,
    });
    expect(lastMomentCheck({ kind: 'help', purpose: 'transactional' }, optedOut)).toEqual({ allowed: true });
  });

  it('sends nothing at all to an erased number', () => {
    const erased: RecipientFacts = {
      consent: { status: 'opted_out', cause: 'erased', at, ledgerEventId: 'erased:x' },
    };
    expect(lastMomentCheck({ kind: 'confirmation', purpose: 'transactional' }, erased)).toMatchObject({
      state: 'cancelled',
    });
  });

  it('blocks a suppressed number, the opt-out winning when both apply', () => {
    const suppressed = { suppressedAt: at };
    expect(lastMomentCheck({ kind: 'request', purpose: 'transactional' }, suppressed)).toMatchObject({
      state: 'blocked',
      reason: 'SUPPRESSED_UNDELIVERABLE',
    });
    expect(
      lastMomentCheck({ kind: 'request', purpose: 'transactional' }, { ...optedOut, ...suppressed }),
    ).toMatchObject({
      state: 'cancelled',
    });
    expect(lastMomentCheck({ kind: 'confirmation', purpose: 'transactional' }, suppressed)).toMatchObject({
      state: 'blocked',
    });
  });
});
