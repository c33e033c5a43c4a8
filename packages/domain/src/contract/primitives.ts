import { z } from 'zod';

/** Idempotency key of an input: unique per tenant and topic (CONTRACT §1). */
export const InputId = z.string().min(1).max(128);
export const TenantId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must match [a-z0-9-]{1,64}');
/** ISO-8601 with an offset, e.g. 2026-11-28T10:00:00Z. */
export const Timestamp = z.iso.datetime({ offset: true });
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as US');
/** A phone number as a person would type it; normalised to E.164 by validation. */
export const RawPhone = z.string().min(1).max(64);
export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be E.164');
export const Purpose = z.enum(['marketing', 'transactional']);
export type Purpose = z.infer<typeof Purpose>;
export const Timing = z.enum(['immediate', 'optimal']);
export type Timing = z.infer<typeof Timing>;

export const IanaTimeZone = z
  .string()
  .refine(isIanaZone, 'must be an IANA time zone such as America/New_York');
export const Locale = z.string().max(35).refine(isBcp47, 'must be a BCP-47 language tag such as en-US');

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

function isBcp47(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** Fields every input value carries (CONTRACT §1). */
export const inputBase = {
  id: InputId,
  tenantId: TenantId,
  occurredAt: Timestamp,
};
