/**
 * A token bucket: `ratePerSecond` tokens flow in continuously up to `burst`. `reserve` takes a token now or
 * books the next one, answering how long the caller must wait before using it; a booking that would wait
 * longer than `maxWaitMs` is not made, so a caller can put the work aside instead of stalling.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  /** Milliseconds to wait before the booked token may be used, or `undefined` when none was booked. */
  reserve(now: number, maxWaitMs: number): number | undefined {
    this.refill(now);
    const waitMs = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.ratePerSecond) * 1000;
    if (waitMs > maxWaitMs) return undefined;
    this.tokens -= 1;
    return Math.ceil(waitMs);
  }

  /** When a token would next be free (ms from `now`), without booking it. */
  nextFreeInMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerSecond);
    this.updatedAt = now;
  }
}
