/**
 * A token bucket per caller: `burst` tokens at most, refilled at `perSecond`. Each request takes one token;
 * with none left the caller is told how long until the next one. Only authenticated API keys get a bucket, so
 * the map is bounded by the configured keys.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  /** Takes a token for `caller` at `nowMs`: 0 when allowed, else the milliseconds to wait. */
  take(caller: string, nowMs: number): number {
    const bucket = this.buckets.get(caller) ?? { tokens: this.burst, at: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
    bucket.tokens = Math.min(this.burst, bucket.tokens + elapsed * this.perSecond);
    bucket.at = nowMs;
    this.buckets.set(caller, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / this.perSecond) * 1000);
  }
}
