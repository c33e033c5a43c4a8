import { effectivePolicy, normalisePhone, RULES_VERSION, TOPICS, type TenantConfig } from '@optline/domain';
import { toOutRecord } from '@optline/platform';

import { CLEAN_NUMBER, type HygieneState } from '../hygiene/hygiene-state';
import { screenMessage, type MessageToScreen } from './message-screening';

const demo: TenantConfig = {
  id: 'demo',
  defaultCountry: 'US',
  senderId: 'Optline Demo',
  helpText: 'help',
  apiKeys: [],
};
const acme: TenantConfig = {
  id: 'acme-eu',
  defaultCountry: 'FR',
  allowedCountries: ['FR', 'DE'],
  senderId: 'Acme',
  helpText: 'aide',
  apiKeys: [],
  policy: { bannedPhrases: ['guaranteed winner'] },
};
const now = new Date('2026-11-28T12:00:00Z');
const day = 86_400_000;

function screen(extra: Partial<MessageToScreen> & { to?: string } = {}, tenant = demo) {
  const { to = '+12125550123', ...rest } = extra;
  const message: MessageToScreen = {
    messageId: 'm1',
    tenantId: tenant.id,
    purpose: 'transactional',
    body: 'Your code is 1234',
    requestedAt: '2026-11-28T11:59:00Z',
    acceptedAt: '2026-11-28T11:59:01Z',
    number: normalisePhone(to, tenant.defaultCountry),
    hygiene: CLEAN_NUMBER,
    ...rest,
  };
  const result = screenMessage(message, { tenant, policy: effectivePolicy(tenant), now });
  // As produced: contract topic names and the keys that follow from each topic.
  const records = result.records.map(toOutRecord);
  const on = (topic: string) =>
    records.filter((r) => r.topic === topic).map((r) => r.value as Record<string, unknown>);
  return {
    result,
    records,
    on,
    outcome: on(TOPICS.outcomes.name)[0],
    audits: on(TOPICS.audit.name),
    screened: on(TOPICS.screened.name)[0],
  };
}

describe('screenMessage', () => {
  it.each([
    ['an invalid number', { to: '12345' }, 'INVALID_NUMBER', demo],
    ['a landline', { to: '+33142685300' }, 'NOT_SMS_CAPABLE', acme],
    ['a country the tenant does not allow', { to: '+34612345678' }, 'COUNTRY_NOT_ALLOWED', acme],
    [
      'an undeliverable number',
      { hygiene: { ...CLEAN_NUMBER, undeliverableAt: new Date(now.getTime() - day) } },
      'SUPPRESSED_UNDELIVERABLE',
      demo,
    ],
    ['a shortener', { body: 'See bit.ly/x' }, 'CONTENT_VIOLATION', demo],
    [
      'a banned phrase',
      { to: '+33612345678', body: 'You are a GUARANTEED winner' },
      'CONTENT_VIOLATION',
      acme,
    ],
    ['an unresolved placeholder', { body: 'Hi {{firstName}}' }, 'CONTENT_VIOLATION', demo],
    ['more than ten segments', { body: 'x'.repeat(1600) }, 'CONTENT_VIOLATION', demo],
  ] as const)('blocks %s with an outcome and audit events', (_, extra, reason, tenant) => {
    const { outcome, audits, screened } = screen(extra as Partial<MessageToScreen>, tenant);
    expect(screened).toBeUndefined();
    expect(outcome).toMatchObject({ messageId: 'm1', tenantId: tenant.id, status: 'blocked', reason });
    expect(audits.map((a) => [a.action, a.reason, a.id])).toEqual([
      ['message.received', undefined, 'validation:m1:message.received'],
      ['message.blocked', reason, 'validation:m1:message.blocked'],
    ]);
    expect((audits[1]!.detail as { rulesVersion: string }).rulesVersion).toBeTruthy();
  });

  it('names the content violations in the outcome detail', () => {
    const { outcome } = screen({ body: 'Hi {{firstName}}, see bit.ly/x' });
    expect(outcome!.detail).toEqual({
      violations: [
        { rule: 'UNRESOLVED_PLACEHOLDER', detail: '{{firstName}}' },
        { rule: 'SHORTENER', detail: 'bit.ly' },
      ],
      rulesVersion: RULES_VERSION,
    });
  });

  it('suppresses an inactive number for marketing only', () => {
    const inactive: HygieneState = {
      marketingSendsSinceReply: 10,
      firstSendSinceReplyAt: new Date(now.getTime() - 200 * day),
    };
    const marketing = screen({ purpose: 'marketing', body: 'Sale today', hygiene: inactive });
    expect(marketing.outcome).toMatchObject({ reason: 'SUPPRESSED_INACTIVE' });
    expect(marketing.result.inactive).toBe(true);
    expect(screen({ hygiene: inactive }).screened).toBeDefined();
  });

  it('passes a clean message on as a WorkMessage keyed by tenant and recipient', () => {
    const { records, screened, outcome } = screen({
      purpose: 'marketing',
      body: 'Hi {{firstName}}, {{offer}} today',
      variables: { offer: '20% off' },
      attributes: { firstName: 'Ana', offer: 'ignored' },
      profile: { timeZone: 'America/Chicago', locale: 'en-US' },
      campaignId: 'spring',
    });
    expect(outcome).toBeUndefined();
    expect(records.find((r) => r.topic === TOPICS.screened.name)!.key).toBe('demo:+12125550123');
    expect(screened).toEqual({
      kind: 'message',
      message: {
        kind: 'request',
        messageId: 'm1',
        tenantId: 'demo',
        campaignId: 'spring',
        purpose: 'marketing',
        recipient: {
          e164: '+12125550123',
          region: 'US',
          numberType: 'FIXED_LINE_OR_MOBILE',
          zones: ['America/Chicago', 'America/New_York'],
          subdivisions: ['NY'],
          locale: 'en-US',
        },
        body: 'Optline Demo: Hi Ana, 20% off today. Reply STOP to opt out',
        segments: 1,
        senderId: 'Optline Demo',
        timing: 'immediate',
        requestedAt: '2026-11-28T11:59:00Z',
        acceptedAt: '2026-11-28T11:59:01Z',
      },
    });
  });

  it('takes zones from the number when the contact has none', () => {
    const { screened } = screen();
    const message = (screened as { message: { recipient: { zones: string[] } } }).message;
    expect(message.recipient.zones).toEqual(['America/New_York']);
  });
});
