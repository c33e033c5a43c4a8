import { toFieldErrors } from './field-errors';
import {
  DEFAULT_POLICY,
  effectivePolicy,
  OptlineConfigFile,
  TenantConfig,
  TenantPolicy,
  tenantCompliance,
} from './tenants';

const tenant = {
  id: 'demo',
  defaultCountry: 'US',
  senderId: 'Acme',
  helpText: 'Acme help: help@acme.example',
};

function paths(result: { success: boolean; error?: unknown }): string[] {
  return result.success
    ? []
    : toFieldErrors(result.error as Parameters<typeof toFieldErrors>[0]).map((error) => error.path);
}

describe('TenantPolicy', () => {
  it.each<[string, unknown]>([
    ['empty', {}],
    ['stricter caps', { maxPer24h: 1, maxPer7d: 3 }],
    ['a narrower window', { window: { start: '09:00', end: '20:00' } }],
    ['the default window itself', { window: { start: '08:00', end: '21:00' } }],
    ['a stricter pause rate', { campaignPauseRate: 0.01 }],
  ])('accepts %s', (_, value) => {
    expect(paths(TenantPolicy.safeParse(value))).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['a looser 24 h cap', { maxPer24h: 3 }, ['maxPer24h']],
    ['a looser 7 day cap', { maxPer7d: 7 }, ['maxPer7d']],
    ['a window opening before 08:00', { window: { start: '07:59', end: '20:00' } }, ['window.start']],
    ['a window closing after 21:00', { window: { start: '09:00', end: '21:30' } }, ['window.end']],
    ['a window ending before it starts', { window: { start: '12:00', end: '10:00' } }, ['window']],
    ['a looser pause rate', { campaignPauseRate: 0.05 }, ['campaignPauseRate']],
    ['an unknown provider', { provider: 'carrier-pigeon' }, ['provider']],
  ])('rejects %s', (_, value, expected) => {
    expect(paths(TenantPolicy.safeParse(value))).toEqual(expected);
  });
});

describe('TenantPolicy with a malformed time', () => {
  // The window refinement also runs on a malformed time and adds a second, misleading issue at `window`.
  it('reports the field', () => {
    expect(paths(TenantPolicy.safeParse({ window: { start: '9:00', end: '20:00' } }))).toContain(
      'window.start',
    );
  });
});

describe('TenantConfig and OptlineConfigFile', () => {
  it('accepts a tenant and defaults its keys', () => {
    expect(TenantConfig.parse(tenant).apiKeys).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['a bad key hash', { ...tenant, apiKeys: [{ role: 'producer', sha256: 'xyz' }] }, ['apiKeys.0.sha256']],
    ['a bad role', { ...tenant, apiKeys: [{ role: 'admin', sha256: 'a'.repeat(64) }] }, ['apiKeys.0.role']],
    ['a lower-case country', { ...tenant, defaultCountry: 'us' }, ['defaultCountry']],
    [
      'a branded domain with a path',
      { ...tenant, brandedDomains: ['acme.example/go'] },
      ['brandedDomains.0'],
    ],
    ['DLT without templates', { ...tenant, dlt: { headers: ['ACMEIN'], templates: [] } }, ['dlt.templates']],
    [
      'a DLT template without a header',
      { ...tenant, dlt: { headers: ['ACMEIN'], templates: [{ id: '1', body: 'x' }] } },
      ['dlt.templates.0.header'],
    ],
    ['sender contact without a name', { ...tenant, senderContact: { phone: '+1' } }, ['senderContact.name']],
    [
      'a sender contact valid until a date without an offset',
      { ...tenant, senderContact: { name: 'Acme', validUntil: '2027-01-01' } },
      ['senderContact.validUntil'],
    ],
    [
      'a non-boolean per-program revocation',
      { ...tenant, perProgramRevocation: 'yes' },
      ['perProgramRevocation'],
    ],
    [
      'a blackout ending before it starts',
      {
        ...tenant,
        blackouts: [{ from: '2026-09-02T00:00:00-05:00', to: '2026-09-01T00:00:00-05:00', reason: 'x' }],
      },
      ['blackouts.0.to'],
    ],
    [
      'a blackout with a malformed jurisdiction id',
      {
        ...tenant,
        blackouts: [
          {
            from: '2026-09-01T00:00:00-05:00',
            to: '2026-09-02T00:00:00-05:00',
            reason: 'x',
            jurisdictions: ['la'],
          },
        ],
      },
      ['blackouts.0.jurisdictions.0'],
    ],
  ])('TenantConfig rejects %s', (_, value, expected) => {
    expect(paths(TenantConfig.safeParse(value))).toEqual(expected);
  });

  it('rejects duplicate tenant ids at the second one', () => {
    expect(paths(OptlineConfigFile.safeParse({ tenants: [tenant, tenant] }))).toEqual(['tenants.1.id']);
  });
});

describe(effectivePolicy.name, () => {
  it('is the default for a tenant without a policy', () => {
    expect(effectivePolicy(TenantConfig.parse(tenant))).toEqual(DEFAULT_POLICY);
  });

  it('applies the tenant settings', () => {
    const policy = effectivePolicy(
      TenantConfig.parse({ ...tenant, policy: { maxPer24h: 1, window: { start: '09:00', end: '20:00' } } }),
    );
    expect(policy).toMatchObject({ maxPer24h: 1, maxPer7d: 6, window: { start: '09:00', end: '20:00' } });
  });
});

describe(tenantCompliance.name, () => {
  it("gives a tenant without the settings none of them: today's behaviour", () => {
    expect(tenantCompliance(TenantConfig.parse(tenant))).toEqual({
      brandedDomains: [],
      dlt: undefined,
      senderContact: undefined,
      perProgramRevocation: false,
      blackouts: [],
    });
  });

  it("turns the settings into the rules' terms", () => {
    const compliance = tenantCompliance(
      TenantConfig.parse({
        ...tenant,
        brandedDomains: ['go.acme.example'],
        senderContact: { name: 'Acme', url: 'https://acme.example/c', validUntil: '2027-06-30T00:00:00Z' },
        perProgramRevocation: true,
        blackouts: [
          {
            from: '2026-09-01T00:00:00-05:00',
            to: '2026-09-03T00:00:00-05:00',
            reason: 'Hurricane emergency, LPSC notice',
            jurisdictions: ['US-LA'],
          },
        ],
      }),
    );
    expect(compliance.senderContact?.validUntil).toEqual(new Date('2027-06-30T00:00:00Z'));
    expect(compliance.perProgramRevocation).toBe(true);
    expect(compliance.blackouts).toEqual([
      {
        kind: 'emergency',
        from: '2026-09-01T00:00:00-05:00',
        until: '2026-09-03T00:00:00-05:00',
        source: 'operator: Hurricane emergency, LPSC notice',
        jurisdictions: ['US-LA'],
      },
    ]);
  });
});
