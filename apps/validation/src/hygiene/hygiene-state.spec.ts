import {
  CLEAN_NUMBER,
  applyFact,
  erasedWithoutOptIn,
  inactiveForMarketing,
  suppressedUndeliverable,
  type HygieneFact,
  type HygieneState,
} from './hygiene-state';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
const apply = (facts: HygieneFact[], from: HygieneState = CLEAN_NUMBER) => {
  let state = from;
  const changes: string[] = [];
  for (const fact of facts) {
    const result = applyFact(state, fact);
    state = result.state;
    if (result.change) changes.push(result.change);
  }
  return { state, changes };
};

describe('number hygiene', () => {
  it('suppresses on undeliverable and lifts on a later opt-in, in either arrival order', () => {
    const inOrder = apply([
      { kind: 'undeliverable', at: at(1) },
      { kind: 'opted_in', at: at(2) },
    ]);
    expect(inOrder.changes).toEqual(['suppressed', 'unsuppressed']);
    expect(suppressedUndeliverable(inOrder.state)).toBe(false);

    const late = apply([
      { kind: 'opted_in', at: at(2) },
      { kind: 'undeliverable', at: at(1) },
    ]);
    expect(late.changes).toEqual([]);
    expect(suppressedUndeliverable(late.state)).toBe(false);

    const older = apply([
      { kind: 'opted_in', at: at(1) },
      { kind: 'undeliverable', at: at(2) },
    ]);
    expect(suppressedUndeliverable(older.state)).toBe(true);
  });

  it('blocks contacts of an erased number until a new opt-in', () => {
    const erased = apply([
      { kind: 'opted_in', at: at(1) },
      { kind: 'erased', at: at(2) },
    ]).state;
    expect(erasedWithoutOptIn(erased)).toBe(true);
    expect(erasedWithoutOptIn(apply([{ kind: 'opted_in', at: at(3) }], erased).state)).toBe(false);
  });

  it('counts marketing sends since the last reply for the sunset rule', () => {
    const sends: HygieneFact[] = Array.from({ length: 10 }, (_, i) => ({
      kind: 'marketing_sent',
      at: at(i),
    }));
    const silent = apply(sends).state;
    expect(silent).toMatchObject({ marketingSendsSinceReply: 10, firstSendSinceReplyAt: at(0) });
    expect(inactiveForMarketing(silent, at(179))).toBe(false);
    expect(inactiveForMarketing(silent, at(180))).toBe(true);

    const replied = apply([{ kind: 'replied', at: at(5) }], silent).state;
    expect(replied.marketingSendsSinceReply).toBe(0);
    expect(inactiveForMarketing(replied, at(400))).toBe(false);
    // A send from before the reply does not count again.
    expect(apply([{ kind: 'marketing_sent', at: at(4) }], replied).state.marketingSendsSinceReply).toBe(0);
  });

  it('needs ten sends, not only time', () => {
    const nine = apply(
      Array.from({ length: 9 }, (_, i) => ({ kind: 'marketing_sent' as const, at: at(i) })),
    ).state;
    expect(inactiveForMarketing(nine, at(1000))).toBe(false);
  });
});
