import { DEAD_LETTER_REASONS, DEFERRAL_REASONS, REASON_CODES } from './reason-codes';

describe('reason codes', () => {
  it('are the 18 stable codes of CONTRACT §2, upper snake case', () => {
    expect(REASON_CODES).toHaveLength(19);
    for (const code of REASON_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });

  it('deferral and dead-letter reasons are reason codes', () => {
    for (const code of [...DEFERRAL_REASONS, ...DEAD_LETTER_REASONS]) expect(REASON_CODES).toContain(code);
  });
});
