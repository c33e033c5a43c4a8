/** Stable reason codes (CONTRACT §2). Never rename one; add a new code instead. */
export const REASON_CODES = [
  'MALFORMED',
  'UNKNOWN_TENANT',
  'INVALID_NUMBER',
  'NOT_SMS_CAPABLE',
  'COUNTRY_NOT_ALLOWED',
  'SUPPRESSED_UNDELIVERABLE',
  'SUPPRESSED_INACTIVE',
  'NO_CONSENT',
  'OPTED_OUT',
  'CONSENT_EXPIRED',
  'CONTENT_VIOLATION',
  'DUPLICATE_CONTENT',
  'FREQUENCY_CAP',
  'QUIET_HOURS',
  'HOLIDAY',
  'CAMPAIGN_PAUSED',
  'EXPIRED',
  'PROVIDER_REJECTED',
  'PROCESSING_FAILED',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Reasons that go on `deferred` outcomes; every other one blocks (or fails, or cancels). */
export const DEFERRAL_REASONS = ['QUIET_HOURS', 'HOLIDAY'] as const satisfies readonly ReasonCode[];
export type DeferralReason = (typeof DEFERRAL_REASONS)[number];

/**
 * Why an input went to the dead-letter topic. PROCESSING_FAILED (CONTRACT §6): the record passed its schema but
 * its processing failed for a reason that is not transient, after bounded retries.
 */
export const DEAD_LETTER_REASONS = [
  'MALFORMED',
  'UNKNOWN_TENANT',
  'PROCESSING_FAILED',
] as const satisfies readonly ReasonCode[];
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];
