import { loadServiceConfig } from './service-config';

describe('the test-only clock offset', () => {
  const offset = (raw: string | undefined) =>
    loadServiceConfig('scheduling', { OPTLINE_CLOCK_OFFSET_MS: raw }).clockOffsetMs;

  it('defaults to none and reads whole milliseconds, negative too', () => {
    expect(offset(undefined)).toBe(0);
    expect(offset('')).toBe(0);
    expect(offset('43200000')).toBe(43_200_000);
    expect(offset('-60000')).toBe(-60_000);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => offset('12h')).toThrow(/OPTLINE_CLOCK_OFFSET_MS/);
    expect(() => offset('1.5')).toThrow(/whole number/);
  });
});
