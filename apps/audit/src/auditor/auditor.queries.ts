import { z } from 'zod';

import { Purpose, ReasonCodeSchema, Timestamp, toFieldErrors } from '@optline/domain';
import { ValidationFailed } from '@optline/platform';

const Action = z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, 'must be a dotted action such as message.blocked');
const Limit = z.coerce.number().int('must be a whole number').min(1).max(1000);

/** `GET /v1/audit/events`: `from` ≤ at < `to` on the event time; the cursor is opaque. */
export const EventsQuery = z.strictObject({
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  action: Action.optional(),
  reason: ReasonCodeSchema.optional(),
  campaignId: z.string().min(1).max(128).optional(),
  limit: Limit.optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a cursor returned by this API')
    .optional(),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

export const ConsentQuery = z.strictObject({ purpose: Purpose, at: Timestamp.optional() });
export type ConsentQuery = z.infer<typeof ConsentQuery>;

/** `GET /v1/audit/integrity`: `from` ≤ recorded time < `to`. */
export const IntegrityQuery = z.strictObject({ from: Timestamp.optional(), to: Timestamp.optional() });
export type IntegrityQuery = z.infer<typeof IntegrityQuery>;

/** Parses query parameters; a bad one is a 400 naming it. */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) throw new ValidationFailed(toFieldErrors(parsed.error), 'bad query parameters');
  return parsed.data;
}

export function encodeCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^seq:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new ValidationFailed(
      [{ path: 'cursor', message: 'must be a cursor returned by this API' }],
      'bad query parameters',
    );
  return Number(match[1]);
}
