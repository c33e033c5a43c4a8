import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ValidationHarness, message } from './harness';

jest.setTimeout(120000);

/** `demo` as config/optline.yaml has it (none of the new settings), and a tenant that declares them all. */
const TENANTS = `
tenants:
  - id: demo
    defaultCountry: US
    senderId: Optline Demo
    helpText: 'Optline Demo alerts. Reply STOP to opt out.'
  - id: registered
    defaultCountry: US
    senderId: OPTLIN
    helpText: 'Optline alerts. Reply STOP to opt out.'
    brandedDomains: [bit.ly]
    dlt:
      headers: [OPTLIN]
      templates: [{ id: '1107160000000000001', header: OPTLIN, body: 'Your Optline code is {#var#}' }]
    senderContact:
      name: OPTLIN
      mailingAddress: '1 Main St, Toronto ON'
      url: 'https://optline.example/contact'
      validUntil: '2099-01-01T00:00:00Z'
`;

function tenantsFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'optline-')), 'optline.yaml');
  writeFileSync(path, TENANTS);
  return path;
}

const INDIA = '+919812345678';
const CANADA = '+14165550123';

/** Validation as a real process with the tenants' compliance settings (issue 17). */
describe('validation screening with the tenant compliance settings', () => {
  let h: ValidationHarness;

  beforeAll(async () => {
    h = await ValidationHarness.start('validation-compliance', { OPTLINE_CONFIG: tenantsFile() });
  });

  afterAll(async () => {
    await h?.stop();
  });

  const violations = (id: string) =>
    (h.outcome(id)?.detail as { violations?: Array<{ rule: string }> } | undefined)?.violations?.map(
      (v) => v.rule,
    );

  it('blocks a message to India from a tenant without a DLT registration, and passes a registered one (TRAI TCCCPR 2018)', async () => {
    await h.accept(
      message('dlt-none', INDIA, { body: 'Your Optline code is 1234' }),
      message('dlt-ok', INDIA, { body: 'Your Optline code is 1234' }, 'registered'),
    );
    await Promise.all([h.decided('dlt-none'), h.decided('dlt-ok')]);
    expect(h.outcome('dlt-none')).toMatchObject({ status: 'blocked', reason: 'CONTENT_VIOLATION' });
    expect(violations('dlt-none')).toEqual(['DLT_UNREGISTERED']);
    expect(h.screenedMessage('dlt-ok')).toMatchObject({ senderId: 'OPTLIN' });
  });

  it('blocks marketing to Canada without sender contact details, and passes it with them (CASL s. 6)', async () => {
    const body = 'Sale today. Details: https://optline.example/contact';
    await h.accept(
      message('casl-none', CANADA, { purpose: 'marketing', body }),
      message('casl-ok', CANADA, { purpose: 'marketing', body }, 'registered'),
    );
    await Promise.all([h.decided('casl-none'), h.decided('casl-ok')]);
    expect(h.outcome('casl-none')).toMatchObject({ status: 'blocked', reason: 'CONTENT_VIOLATION' });
    expect(violations('casl-none')).toContain('SENDER_IDENTITY');
    expect(h.screenedMessage('casl-ok')).toBeDefined();
  });

  it("lets a tenant's branded domain through the shortener check, and blocks it for others", async () => {
    await h.accept(
      message('short-demo', '+12125550123', { body: 'See bit.ly/x' }),
      message('short-own', '+12125550123', { body: 'See bit.ly/x' }, 'registered'),
    );
    await Promise.all([h.decided('short-demo'), h.decided('short-own')]);
    expect(violations('short-demo')).toEqual(['SHORTENER']);
    expect(h.screenedMessage('short-own')).toBeDefined();
  });
});
