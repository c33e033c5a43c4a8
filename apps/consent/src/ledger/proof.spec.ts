import { canonicalJson, proofHash } from './proof';

describe('consent proof hash', () => {
  const proof = {
    capturedAt: '2026-11-28T10:00:00Z',
    formUrl: 'https://shop.example/signup',
    extra: { b: 1, a: [2, { d: 3, c: 4 }] },
  };

  it('does not depend on key order', () => {
    const reordered = {
      extra: { a: [2, { c: 4, d: 3 }], b: 1 },
      formUrl: 'https://shop.example/signup',
      capturedAt: '2026-11-28T10:00:00Z',
    };
    expect(canonicalJson(reordered)).toBe(canonicalJson(proof));
    expect(proofHash('key', 'demo', '+12125550123', reordered)).toBe(
      proofHash('key', 'demo', '+12125550123', proof),
    );
  });

  it.each([
    ['another key', ['other-key', 'demo', '+12125550123', proof]],
    ['another tenant', ['key', 'acme-eu', '+12125550123', proof]],
    ['another number', ['key', 'demo', '+12125550124', proof]],
    ['another proof', ['key', 'demo', '+12125550123', { ...proof, formUrl: 'https://shop.example/other' }]],
  ] as const)('changes with %s', (_, [key, tenant, e164, other]) => {
    expect(proofHash(key, tenant, e164, other)).not.toBe(proofHash('key', 'demo', '+12125550123', proof));
  });

  it('ignores undefined fields, as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});
