import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('gives the burst at once, then one token per 1/rate seconds', () => {
    const bucket = new TokenBucket(10, 2, 0);
    expect(bucket.reserve(0, 0)).toBe(0);
    expect(bucket.reserve(0, 0)).toBe(0);
    expect(bucket.reserve(0, 0)).toBeUndefined();
    expect(bucket.reserve(0, 1000)).toBe(100);
    expect(bucket.reserve(0, 1000)).toBe(200);
  });

  it('refills over time but never above the burst', () => {
    const bucket = new TokenBucket(10, 2, 0);
    bucket.reserve(0, 0);
    bucket.reserve(0, 0);
    expect(bucket.nextFreeInMs(50)).toBe(50);
    expect(bucket.reserve(100, 0)).toBe(0);
    expect(bucket.nextFreeInMs(10_000)).toBe(0);
    expect(bucket.reserve(10_000, 0)).toBe(0);
    expect(bucket.reserve(10_000, 0)).toBe(0);
    expect(bucket.reserve(10_000, 0)).toBeUndefined();
  });

  it('does not book a token it would have to wait too long for', () => {
    const bucket = new TokenBucket(1, 1, 0);
    expect(bucket.reserve(0, 0)).toBe(0);
    expect(bucket.reserve(0, 500)).toBeUndefined();
    expect(bucket.reserve(0, 1000)).toBe(1000);
    expect(bucket.nextFreeInMs(0)).toBe(2000);
  });
});
