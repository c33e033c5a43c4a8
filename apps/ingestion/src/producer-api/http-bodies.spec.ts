import { HTTP_BODIES } from '@optline/domain';

import { parseBodies } from './http-bodies';

const message = (extra: Record<string, unknown> = {}) => ({
  id: 'm1',
  occurredAt: '2026-11-28T10:00:00Z',
  to: '+12125550123',
  purpose: 'transactional',
  body: 'Your code is 1234',
  ...extra,
});

const paths = (body: unknown, schema = HTTP_BODIES.messages) => {
  const parsed = parseBodies(schema, body);
  return parsed.ok ? [] : parsed.errors.map((error) => error.path);
};

describe(parseBodies.name, () => {
  it('accepts one object or an array, keeping the order', () => {
    expect(parseBodies(HTTP_BODIES.messages, message())).toMatchObject({ ok: true, items: [{ id: 'm1' }] });
    const many = parseBodies(HTTP_BODIES.messages, [message({ id: 'a' }), message({ id: 'b' })]);
    expect(many.ok && many.items.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it.each([
    ['a wrong type', message({ to: 12 }), ['to']],
    ['a missing field', { ...message(), purpose: undefined }, ['purpose']],
    ['a tenantId in the body', message({ tenantId: 'demo' }), ['tenantId']],
    ['an unknown field', message({ colour: 'red' }), ['colour']],
    ['a bad enum', message({ purpose: 'spam' }), ['purpose']],
    ['a bad timestamp', message({ occurredAt: 'yesterday' }), ['occurredAt']],
    ['a body that is too long', message({ body: 'x'.repeat(1601) }), ['body']],
    ['a string', 'hello', ['(root)']],
    ['an empty array', [], ['(root)']],
  ])('names the offending path for %s', (_, body, expected) => {
    expect(paths(body)).toEqual(expected);
  });

  it('prefixes array item errors with the index and rejects the whole array', () => {
    const body = [message({ id: 'a' }), message({ id: 'b' }), message({ id: 'c' }), message({ to: '' })];
    expect(paths(body)).toEqual(['3.to']);
  });

  it('refuses more than 1000 items', () => {
    expect(paths(Array.from({ length: 1001 }, (_, i) => message({ id: `m${i}` })))).toEqual(['(root)']);
  });

  it('requires proof.capturedAt on an opt_in', () => {
    const consent = {
      id: 'c1',
      occurredAt: '2026-11-28T10:00:00Z',
      phone: '+12125550123',
      purpose: 'marketing',
      action: 'opt_in',
      method: 'web_form',
      proof: { formUrl: 'https://example.com/join' },
    };
    expect(paths(consent, HTTP_BODIES.consents as never)).toEqual(['proof.capturedAt']);
  });
});
