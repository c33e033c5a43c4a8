import { TokenBuckets } from './token-bucket';

describe(TokenBuckets.name, () => {
  it('allows a burst, then refuses until tokens refill at the configured rate', () => {
    const buckets = new TokenBuckets(2, 3);
    expect([0, 0, 0].map(() => buckets.take('k', 1000))).toEqual([0, 0, 0]);
    expect(buckets.take('k', 1000)).toBe(500);
    expect(buckets.take('k', 1250)).toBe(250);
    expect(buckets.take('k', 1500)).toBe(0);
    expect(buckets.take('k', 1500)).toBe(500);
  });

  it('keeps one bucket per caller and never holds more than the burst', () => {
    const buckets = new TokenBuckets(100, 2);
    expect(buckets.take('a', 0)).toBe(0);
    expect(buckets.take('a', 0)).toBe(0);
    expect(buckets.take('a', 0)).toBeGreaterThan(0);
    expect(buckets.take('b', 0)).toBe(0);
    expect(buckets.take('a', 60_000)).toBe(0);
    expect(buckets.take('a', 60_000)).toBe(0);
    expect(buckets.take('a', 60_000)).toBeGreaterThan(0);
  });
});
