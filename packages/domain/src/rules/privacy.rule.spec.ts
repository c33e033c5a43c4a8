import { createHmac } from 'node:crypto';

import { maskPhone, phoneFingerprint } from './privacy.rule';

describe(phoneFingerprint.name, () => {
  it('is the HMAC-SHA256 of tenant and number', () => {
    const expected = createHmac('sha256', 'k1').update('demo:+12125550123').digest('hex');
    expect(phoneFingerprint('k1', 'demo', '+12125550123')).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['k2', 'demo', '+12125550123'],
    ['k1', 'other', '+12125550123'],
    ['k1', 'demo', '+12125550124'],
  ])('changes with the key, the tenant and the number (%s, %s, %s)', (key, tenant, e164) => {
    expect(phoneFingerprint(key, tenant, e164)).not.toBe(phoneFingerprint('k1', 'demo', '+12125550123'));
    expect(phoneFingerprint(key, tenant, e164)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe(maskPhone.name, () => {
  it.each<[string, string]>([
    ['+12125550123', '+1212•••••23'],
    ['+447400123456', '+44740•••••56'],
    ['+8613812345678', '+86138••••••78'],
    ['+33612345678', '+33612••••78'],
    ['+595981123456', '+595981••••56'],
    ['+80012345678', '+800123•••78'],
    ['+4412345', '+44•••••'],
    ['', '+'],
  ])('%s → %s', (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked);
  });
});
