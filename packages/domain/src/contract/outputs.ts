import { z } from 'zod';

import { REASON_CODES, DEAD_LETTER_REASONS } from './reason-codes';
import { E164, TenantId, Timestamp } from './primitives';

export const ReasonCodeSchema = z.enum(REASON_CODES);
export const OutcomeStatus = z.enum([
  'deferred',
  'sent',
  'delivered',
  'failed',
  'blocked',
  'expired',
  'cancelled',
]);
export type OutcomeStatus = z.infer<typeof OutcomeStatus>;
/** A message reaches exactly one of these, exactly once (CONTRACT §1). */
export const TERMINAL_STATUSES = [
  'sent',
  'blocked',
  'expired',
  'cancelled',
] as const satisfies readonly OutcomeStatus[];

/** What happened to a message. Key `tenantId:messageId`. */
export const MessageOutcome = z.object({
  messageId: z.string().min(1),
  tenantId: TenantId,
  campaignId: z.string().optional(),
  status: OutcomeStatus,
  reason: ReasonCodeSchema.optional(),
  to: E164.optional(),
  at: Timestamp,
  scheduledFor: Timestamp.optional(),
  providerMessageId: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type MessageOutcome = z.infer<typeof MessageOutcome>;

export const SERVICES = ['ingestion', 'validation', 'consent', 'scheduling', 'delivery', 'audit'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** One decision, for the tamper-evident trail. `action` is dotted, e.g. `message.blocked`. */
export const AuditEvent = z.object({
  id: z.string().min(1),
  tenantId: TenantId,
  at: Timestamp,
  service: z.enum(SERVICES),
  action: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/),
  subject: z.object({
    messageId: z.string().optional(),
    phone: E164.optional(),
    campaignId: z.string().optional(),
  }),
  reason: ReasonCodeSchema.optional(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** An input that could not be accepted, with why. */
export const DeadLetter = z.object({
  topic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  key: z.string().nullable(),
  value: z.string(),
  reason: z.enum(DEAD_LETTER_REASONS),
  errors: z.array(FieldError),
  at: Timestamp,
});
export type DeadLetter = z.infer<typeof DeadLetter>;

/** The dead letter keeps at most this much of the original value (CONTRACT §6). */
export const DEAD_LETTER_VALUE_LIMIT = 64 * 1024;
/** A dead letter lists at most this many errors (CONTRACT §6), so it stays under 1 MiB in all. */
export const DEAD_LETTER_ERRORS_LIMIT = 100;
