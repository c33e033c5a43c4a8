import { createHash } from 'node:crypto';

import { TenantDirectory } from './tenant-directory';

const sha = (key: string) => createHash('sha256').update(key).digest('hex');
const tenant = (extra = '') => `
tenants:
  - id: demo
    defaultCountry: US
    senderId: Demo
    helpText: Help
    apiKeys:
      - { role: producer, sha256: ${sha('p-key')} }
      - { role: auditor, sha256: ${sha('a-key')} }
${extra}`;

describe(TenantDirectory.name, () => {
  it.each([
    ['a missing id', 'tenants:\n  - { defaultCountry: US, senderId: D, helpText: H }', 'tenants.0.id'],
    [
      'an unknown role',
      `tenants:\n  - { id: d, defaultCountry: US, senderId: D, helpText: H, apiKeys: [{ role: admin, sha256: ${sha('x')} }] }`,
      'tenants.0.apiKeys.0.role',
    ],
    [
      'a bad tenant id',
      'tenants:\n  - { id: Demo_1, defaultCountry: US, senderId: D, helpText: H }',
      'tenants.0.id',
    ],
    [
      'a looser cap',
      'tenants:\n  - { id: d, defaultCountry: US, senderId: D, helpText: H, policy: { maxPer24h: 5 } }',
      'tenants.0.policy.maxPer24h',
    ],
    [
      'a duplicate id',
      `${tenant()}\n  - { id: demo, defaultCountry: US, senderId: D, helpText: H }`,
      'tenants.1.id',
    ],
    ['no tenants', 'tenants: []', 'tenants'],
  ])('rejects %s, naming the field', (_, yaml, field) => {
    expect(() => TenantDirectory.fromYaml(yaml)).toThrow(new RegExp(`${field.replace(/\./g, '\\.')}:`));
  });

  it('rejects text that is not YAML', () => {
    expect(() => TenantDirectory.fromYaml('tenants: [')).toThrow(/not valid YAML/);
  });

  it('authenticates keys by their SHA-256 and knows their role and tenant', () => {
    const directory = TenantDirectory.fromYaml(tenant());
    expect(directory.authenticate('p-key')).toMatchObject({ role: 'producer', tenant: { id: 'demo' } });
    expect(directory.authenticate('a-key')).toMatchObject({ role: 'auditor' });
    expect(directory.authenticate('wrong')).toBeUndefined();
    expect(directory.has('demo')).toBe(true);
    expect(directory.has('other')).toBe(false);
    expect(directory.policy('demo')).toMatchObject({ maxPer24h: 2, maxPer7d: 6 });
  });
});
