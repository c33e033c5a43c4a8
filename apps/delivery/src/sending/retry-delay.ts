/**
 * The wait before a message's next round of provider calls: exponential in the rounds already made, capped, with
 * "equal jitter" (half fixed, half random) so messages parked together do not all come back at once
 * (aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter).
 */
export function retryDelayMs(
  round: number,
  initialMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, round));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
