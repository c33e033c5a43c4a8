import type { z } from 'zod';

import type { FieldError } from './outputs';

/** Flattens a zod error into `{path, message}` pairs a person can act on; paths are dotted (`3.to`). */
export function toFieldErrors(error: z.ZodError, prefix: Array<string | number> = []): FieldError[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path].map(String).join('.');
    return { path: path === '' ? '(root)' : path, message: issue.message };
  });
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Parses with a schema into a result instead of throwing. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: toFieldErrors(result.error) };
}
