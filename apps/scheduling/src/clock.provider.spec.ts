import { clockOffset } from './clock.provider';

describe('the test-only clock offset', () => {
  it('defaults to none and reads whole milliseconds, negative too', () => {
    expect(clockOffset(undefined)).toBe(0);
    expect(clockOffset('')).toBe(0);
    expect(clockOffset('43200000')).toBe(43_200_000);
    expect(clockOffset('-60000')).toBe(-60_000);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => clockOffset('12h')).toThrow(/OPTLINE_CLOCK_OFFSET_MS/);
    expect(() => clockOffset('1.5')).toThrow(/whole number/);
  });
});
