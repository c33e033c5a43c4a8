import { describe, expect, it } from 'vitest';

import { formatInstant, hourOf, wallTimeToIso, zoneOffset } from './time';

describe('formatInstant', () => {
  it.each([
    ['2026-11-28T10:00:03Z', 'America/New_York', '2026-11-28 05:00:03 UTC-05:00'],
    ['2026-06-01T09:00:00Z', 'America/New_York', '2026-06-01 05:00:00 UTC-04:00'],
    ['2026-11-28T20:30:00Z', 'Asia/Shanghai', '2026-11-29 04:30:00 UTC+08:00'],
    ['2026-11-28T10:00:00Z', 'UTC', '2026-11-28 10:00:00 UTC+00:00'],
    ['2026-11-28T10:00:00Z', 'Asia/Kolkata', '2026-11-28 15:30:00 UTC+05:30'],
  ])('%s in %s is %s', (iso, zone, shown) => {
    expect(formatInstant(iso, zone)).toBe(shown);
  });

  it('shows a dash for no instant and the raw text for an unreadable one', () => {
    expect(formatInstant(null, 'UTC')).toBe('—');
    expect(formatInstant('soon', 'UTC')).toBe('soon');
  });
});

describe('wallTimeToIso', () => {
  it.each([
    ['2026-06-01T09:30', 'America/New_York', '2026-06-01T09:30:00-04:00'],
    ['2026-12-01T09:30:15', 'America/New_York', '2026-12-01T09:30:15-05:00'],
    ['2026-03-08T03:30', 'America/New_York', '2026-03-08T03:30:00-04:00'],
    ['2026-11-01T00:30', 'Europe/Paris', '2026-11-01T00:30:00+01:00'],
    ['2026-11-29T04:30', 'Asia/Shanghai', '2026-11-29T04:30:00+08:00'],
  ])('%s in %s is %s', (wall, zone, iso) => {
    expect(wallTimeToIso(wall, zone)).toBe(iso);
    expect(formatInstant(iso, zone).slice(0, 16)).toBe(wall.replace('T', ' ').slice(0, 16));
  });

  it('gives nothing for empty or unreadable input', () => {
    expect(wallTimeToIso('', 'UTC')).toBeUndefined();
    expect(wallTimeToIso('yesterday', 'UTC')).toBeUndefined();
  });
});

describe('hourOf and zoneOffset', () => {
  it("buckets an instant into its hour in the auditor's zone", () => {
    expect(hourOf('2026-11-28T10:59:59Z', 'America/New_York')).toBe('2026-11-28 05:00');
    expect(hourOf('2026-11-28T16:01:00Z', 'Asia/Shanghai')).toBe('2026-11-29 00:00');
  });

  it('names the offset in force at an instant', () => {
    expect(zoneOffset('America/New_York', new Date('2026-07-01T00:00:00Z'))).toBe('UTC-04:00');
    expect(zoneOffset('Asia/Shanghai', new Date('2026-07-01T00:00:00Z'))).toBe('UTC+08:00');
  });
});
