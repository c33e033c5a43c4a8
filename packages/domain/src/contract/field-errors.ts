import type { z } from 'zod';

import type { FieldError } from './outputs';

/**
 * Flattens a zod error into `{path, message}` pairs a person can act on; paths are dotted (`3.to`). An unknown
 * field is reported at its own path (`3.extra`), not at the object holding it, so the caller sees what to remove.
 */
export function toFieldErrors(error: z.ZodError, prefix: Array<string | number> = []): FieldError[] {
  return error.issues.flatMap((issue) => {
    const at = [...prefix, ...issue.path].map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...at, key].join('.'),
        message: 'not a field of this value',
      }));
    }
    return [{ path: at.length === 0 ? '(root)' : at.join('.'), message: issue.message }];
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
