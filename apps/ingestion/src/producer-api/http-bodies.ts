import type { z } from 'zod';

import { MAX_BATCH, toFieldErrors, type FieldError } from '@optline/domain';

export type ParsedBodies<T> = { ok: true; items: T[] } | { ok: false; errors: FieldError[] };

/** At most this many field errors are returned for one request. */
export const MAX_REPORTED_ERRORS = 100;

/**
 * Parses an HTTP body that is one object or an array of up to MAX_BATCH objects (CONTRACT §4). An array is
 * accepted whole or not at all: every item is checked and the errors of all items are returned, each path
 * starting with the item's index (`3.to`).
 */
export function parseBodies<T>(schema: z.ZodType<T>, body: unknown): ParsedBodies<T> {
  if (Array.isArray(body)) {
    if (body.length === 0) return fail('(root)', 'send one object or an array of 1 to 1000 objects');
    if (body.length > MAX_BATCH)
      return fail('(root)', `an array may hold at most ${MAX_BATCH} items, got ${body.length}`);
    const items: T[] = [];
    const errors: FieldError[] = [];
    body.forEach((item, index) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) items.push(parsed.data);
      else errors.push(...fieldErrors(parsed.error, [index]));
    });
    return errors.length > 0
      ? { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) }
      : { ok: true, items };
  }
  if (typeof body !== 'object' || body === null)
    return fail('(root)', 'expected a JSON object or an array of objects');
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { ok: true, items: [parsed.data] }
    : { ok: false, errors: fieldErrors(parsed.error, []) };
}

/** The domain's field errors, with the reason a body may not name its tenant. */
export function fieldErrors(error: z.ZodError, prefix: Array<string | number>): FieldError[] {
  return toFieldErrors(error, prefix).map((fieldError) =>
    fieldError.path.split('.').pop() === 'tenantId' && fieldError.message === 'not a field of this value'
      ? { ...fieldError, message: "not allowed: the tenant is the API key's" }
      : fieldError,
  );
}

function fail(path: string, message: string): ParsedBodies<never> {
  return { ok: false, errors: [{ path, message }] };
}
