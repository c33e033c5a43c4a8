import { RULES_VERSION } from './rules-version';

describe('RULES_VERSION', () => {
  it('is a dated version, year.month.n', () => {
    expect(RULES_VERSION).toMatch(/^\d{4}\.(1[0-2]|[1-9])\.\d+$/);
  });
});
