import { z } from 'zod';

import { ErasureBody, HTTP_BODIES } from './http';
import { parseWith, toFieldErrors } from './field-errors';

describe(toFieldErrors.name, () => {
  const good = {
    id: 'm-1',
    occurredAt: '2026-11-28T10:00:00Z',
    to: '+12125550123',
    purpose: 'marketing',
    body: 'Hi',
  };

  it('paths of array items start with the index (3.to)', () => {
    const result = z.array(HTTP_BODIES.messages).safeParse([good, good, good, { ...good, to: undefined }]);
    expect(result.success ? [] : toFieldErrors(result.error).map((error) => error.path)).toEqual(['3.to']);
  });

  it('puts a prefix in front', () => {
    const result = HTTP_BODIES.messages.safeParse({ ...good, body: '' });
    expect(result.success ? [] : toFieldErrors(result.error, [7]).map((error) => error.path)).toEqual([
      '7.body',
    ]);
  });

  it('names the root (root)', () => {
    const result = HTTP_BODIES.messages.safeParse('not an object');
    expect(result.success ? [] : toFieldErrors(result.error)).toEqual([
      { path: '(root)', message: expect.any(String) },
    ]);
  });
});

describe(parseWith.name, () => {
  it.each<[unknown, boolean]>([
    [{ phone: '+12125550123' }, true],
    [{ phone: '' }, false],
  ])('%j → ok %s', (value, ok) => {
    expect(parseWith(ErasureBody, value).ok).toBe(ok);
  });
});
