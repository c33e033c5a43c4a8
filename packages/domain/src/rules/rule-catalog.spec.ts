import { CN_ARRANGEMENTS } from './cn-holidays.data';
import { catalogVersions, RULE_CATALOG } from './rule-catalog';

describe(catalogVersions.name, () => {
  it('names each rule with its version', () => {
    expect(catalogVersions(['CONTENT-SHORTENERS', 'HOLIDAYS-CN'])).toEqual([
      { id: 'CONTENT-SHORTENERS', version: '2025-09-10' },
      { id: 'HOLIDAYS-CN', version: '2026' },
    ]);
  });

  it('refuses an unknown id', () => {
    expect(() => catalogVersions(['NOPE'])).toThrow('unknown rule id NOPE');
  });

  it('dates the CN holiday rule by the latest arrangement it carries', () => {
    expect(RULE_CATALOG['HOLIDAYS-CN']).toBe(String(Math.max(...CN_ARRANGEMENTS.map((each) => each.year))));
  });
});
