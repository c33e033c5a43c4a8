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
    [
      'a blackout without a reason',
      `${tenant()}    blackouts: [{ from: '2026-09-01T00:00:00-05:00', to: '2026-09-02T00:00:00-05:00' }]`,
      'tenants.0.blackouts.0.reason',
    ],
    [
      'a malformed branded domain',
      `${tenant()}    brandedDomains: ['not a domain']`,
      'tenants.0.brandedDomains.0',
    ],
    [
      'a sender contact with a bad e-mail',
      `${tenant()}    senderContact: { name: Demo, email: nobody }`,
      'tenants.0.senderContact.email',
    ],
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
    expect(directory.compliance('demo')).toMatchObject({ brandedDomains: [], perProgramRevocation: false });
  });

  it('loads the compliance settings', () => {
    const directory = TenantDirectory.fromYaml(
      tenant(`    brandedDomains: [go.demo.example]
    perProgramRevocation: true
    dlt:
      headers: [DEMOIN]
      templates: [{ id: '1107160000000000001', header: DEMOIN, body: 'Your code is {#var#}' }]
    senderContact: { name: Demo, url: 'https://demo.example/contact', validUntil: '2027-06-30T00:00:00Z' }`),
    );
    expect(directory.compliance('demo')).toMatchObject({
      brandedDomains: ['go.demo.example'],
      perProgramRevocation: true,
      dlt: { headers: ['DEMOIN'] },
      senderContact: { name: 'Demo', validUntil: new Date('2027-06-30T00:00:00Z') },
    });
  });
});
