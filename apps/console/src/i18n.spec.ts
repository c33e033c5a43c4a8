import { describe, expect, it } from 'vitest';

import { CATALOGS, initialLocale, translator, type MessageKey } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('fill placeholders and leave unknown ones visible', () => {
    const t = translator('en');
    expect(t('integrity.ok', { checked: 12 })).toBe('The chain holds: 12 rows checked.');
    expect(t('integrity.ok')).toBe('The chain holds: {checked} rows checked.');
    expect(translator('zh-CN')('integrity.ok', { checked: 12 })).toBe('哈希链完好：已检查 12 条记录。');
  });

  it('give every Chinese message the same placeholders as its English one', () => {
    for (const key of Object.keys(CATALOGS.en) as MessageKey[]) {
      expect(placeholders(CATALOGS['zh-CN'][key]), key).toEqual(placeholders(CATALOGS.en[key]));
    }
  });

  it('start in the saved language, else Chinese for a Chinese browser, else English', () => {
    expect(initialLocale('en', ['zh-CN'])).toBe('en');
    expect(initialLocale(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLocale('fr', ['fr-FR', 'en'])).toBe('en');
  });
});
