const DAY = 86_400_000;
/** CONTRACT §3 "Numbers": no reply for 180 days across 10 or more marketing sends. */
export const INACTIVE_AFTER_DAYS = 180;
export const INACTIVE_AFTER_SENDS = 10;

/**
 * Whether a number has gone quiet and is suppressed for marketing (CONTRACT §3; list hygiene protects against
 * reassigned numbers, compliance-rules.md §3.14). The silence is measured from the first marketing send after
 * the last reply (or, without that, from the last reply): a number that replied a year ago and got its ten
 * messages this week has not ignored 180 days of them. Unknown start → not inactive.
 */
export function isInactive(
  input: { marketingSendsSinceReply: number; lastReplyAt?: Date; firstSendSinceReplyAt?: Date },
  at: Date,
): boolean {
  if (input.marketingSendsSinceReply < INACTIVE_AFTER_SENDS) return false;
  const silentSince = input.firstSendSinceReplyAt ?? input.lastReplyAt;
  if (silentSince === undefined) return false;
  return at.getTime() - silentSince.getTime() >= INACTIVE_AFTER_DAYS * DAY;
}
