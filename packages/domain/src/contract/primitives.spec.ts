import { CountryCode, E164, IanaTimeZone, Locale, TenantId, Timestamp } from './primitives';

describe('primitives', () => {
  it.each<[string, { safeParse(value: unknown): { success: boolean } }, unknown, boolean]>([
    ['TenantId', TenantId, 'demo-1', true],
    ['TenantId', TenantId, 'Demo', false],
    ['TenantId', TenantId, 'a'.repeat(65), false],
    ['Timestamp', Timestamp, '2026-11-28T10:00:00Z', true],
    ['Timestamp', Timestamp, '2026-11-28T10:00:00+01:00', true],
    ['Timestamp', Timestamp, '2026-11-28T10:00:00', false],
    ['Timestamp', Timestamp, '28/11/2026', false],
    ['CountryCode', CountryCode, 'US', true],
    ['CountryCode', CountryCode, 'us', false],
    ['E164', E164, '+12125550123', true],
    ['E164', E164, '12125550123', false],
    ['E164', E164, '+0123456789', false],
    ['IanaTimeZone', IanaTimeZone, 'America/New_York', true],
    ['IanaTimeZone', IanaTimeZone, 'UTC', true],
    ['IanaTimeZone', IanaTimeZone, 'Mars/Base', false],
    ['IanaTimeZone', IanaTimeZone, 'EST', false],
    ['Locale', Locale, 'en-US', true],
    ['Locale', Locale, 'zh-Hans-CN', true],
    ['Locale', Locale, 'not a locale!', false],
  ])('%s %j → %s', (_, schema, value, ok) => {
    expect(schema.safeParse(value).success).toBe(ok);
  });
});
