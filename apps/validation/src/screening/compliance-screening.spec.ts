import { effectivePolicy, normalisePhone, TOPICS, type TenantConfig } from '@optline/domain';
import { toOutRecord } from '@optline/platform';

import { CLEAN_NUMBER } from '../hygiene/hygiene-state';
import { screenMessage, type MessageToScreen } from './message-screening';

/* Screening with the tenant's compliance settings (issue 17): DLT, sender identity, branded domains. */

const now = new Date('2026-11-28T12:00:00Z');
const demo: TenantConfig = {
  id: 'demo',
  defaultCountry: 'US',
  senderId: 'Optline Demo',
  helpText: 'help',
  apiKeys: [],
};
const registered: TenantConfig = {
  ...demo,
  senderId: 'OPTLIN',
  dlt: {
    headers: ['OPTLIN'],
    templates: [{ id: '1107160000000000001', header: 'OPTLIN', body: 'Your Optline code is {#var#}' }],
  },
};
const contact = {
  name: 'Optline Demo',
  mailingAddress: '1 Main St, Toronto ON',
  url: 'https://optline.example/contact',
};
const withContact = (validUntil?: string): TenantConfig => ({
  ...demo,
  senderContact: { ...contact, ...(validUntil === undefined ? {} : { validUntil }) },
});

function screen(tenant: TenantConfig, to: string, extra: Partial<MessageToScreen> = {}) {
  const message: MessageToScreen = {
    messageId: 'm1',
    tenantId: tenant.id,
    purpose: 'transactional',
    body: 'Your Optline code is 1234',
    requestedAt: '2026-11-28T11:59:00Z',
    acceptedAt: '2026-11-28T11:59:01Z',
    number: normalisePhone(to, tenant.defaultCountry),
    hygiene: CLEAN_NUMBER,
    ...extra,
  };
  const records = screenMessage(message, { tenant, policy: effectivePolicy(tenant), now }).records.map(
    toOutRecord,
  );
  const outcome = records.find((r) => r.topic === TOPICS.outcomes.name)?.value as
    { reason?: string; detail?: { violations?: Array<{ rule: string; detail: string }> } } | undefined;
  return { outcome, rules: (outcome?.detail?.violations ?? []).map((v) => v.rule) };
}

const INDIA = '+919812345678';
const CANADA = '+14165550123';
const AUSTRALIA = '+61412345678';
const marketing = (body: string): Partial<MessageToScreen> => ({ purpose: 'marketing', body });

describe('India DLT in screening (TRAI TCCCPR 2018, header and template registration; compliance-rules.md §3.15)', () => {
  it.each<[string, TenantConfig, string, Partial<MessageToScreen>, string[]]>([
    ['a tenant without a DLT registration, to India', demo, INDIA, {}, ['DLT_UNREGISTERED']],
    ['an unregistered header', { ...registered, senderId: 'OTHER1' }, INDIA, {}, ['DLT_UNREGISTERED']],
    ['a body outside every template', registered, INDIA, { body: 'Win a prize' }, ['DLT_UNREGISTERED']],
    ['a registered header and template', registered, INDIA, {}, []],
    ['a tenant without a DLT registration, to the US', demo, '+12125550123', {}, []],
  ])('%s: violations %j', (_, tenant, to, extra, expected) => {
    const { outcome, rules } = screen(tenant, to, extra);
    expect(rules).toEqual(expected);
    expect(outcome?.reason).toBe(expected.length > 0 ? 'CONTENT_VIOLATION' : undefined);
  });

  it('names what is missing in the detail', () => {
    expect(screen(demo, INDIA).outcome?.detail?.violations).toEqual([
      { rule: 'DLT_UNREGISTERED', detail: 'the tenant has no DLT registration for India' },
    ]);
  });
});

describe('sender identity in screening (CASL s. 6; Spam Act 2003 s. 17; compliance-rules.md §3.16)', () => {
  const withLink = 'Sale today. Details: https://optline.example/contact';
  it.each<[string, TenantConfig, string, Partial<MessageToScreen>, boolean]>([
    ['marketing to Canada without declared contact details', demo, CANADA, marketing(withLink), true],
    [
      'marketing to Canada with contact details and a link',
      withContact(),
      CANADA,
      marketing(withLink),
      false,
    ],
    [
      'marketing to Canada without a way to reach the sender',
      withContact(),
      CANADA,
      marketing('Sale today'),
      true,
    ],
    // CASL (CRTC regulations s. 3): valid 60 days after sending; Spam Act s. 17: 30 days.
    [
      'details lapsing in 45 days, to Canada',
      withContact('2027-01-12T00:00:00Z'),
      CANADA,
      marketing(withLink),
      true,
    ],
    [
      'details lapsing in 45 days, to Australia',
      withContact('2027-01-12T00:00:00Z'),
      AUSTRALIA,
      marketing(withLink),
      false,
    ],
    ['transactional to Canada without contact details', demo, CANADA, {}, false],
    ['marketing to the US without contact details', demo, '+12125550123', marketing('Sale today'), false],
  ])('%s: blocked %s', (_, tenant, to, extra, blocked) => {
    const { outcome, rules } = screen(tenant, to, extra);
    expect(outcome?.reason).toBe(blocked ? 'CONTENT_VIOLATION' : undefined);
    expect(rules.every((rule) => rule === 'SENDER_IDENTITY')).toBe(true);
  });
});

describe('branded domains in the shortener check (compliance-rules.md, shorteners)', () => {
  it.each<[string, TenantConfig, boolean]>([
    ['a public shortener host without branded domains', demo, true],
    ["the same host declared as the tenant's branded domain", { ...demo, brandedDomains: ['bit.ly'] }, false],
  ])('%s: blocked %s', (_, tenant, blocked) => {
    const { rules } = screen(tenant, '+12125550123', { body: 'See bit.ly/x' });
    expect(rules).toEqual(blocked ? ['SHORTENER'] : []);
  });
});
