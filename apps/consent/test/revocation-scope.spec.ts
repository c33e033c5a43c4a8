import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { RecipientEvent } from '@optline/domain';

import {
  consentEvent,
  inboundSms,
  screenedConsent,
  screenedInbound,
  screenedMessage,
  workMessage,
} from './builders';
import { ConsentHarness } from './harness';

jest.setTimeout(120000);

/** `demo` without the setting (revoke-all, CONTRACT §3) and a tenant that opted in to per-program scope. */
const TENANTS = `
tenants:
  - id: demo
    defaultCountry: US
    senderId: Optline Demo
    helpText: 'Optline Demo alerts. Reply STOP to opt out.'
  - id: per-program
    defaultCountry: US
    senderId: Optline Demo
    helpText: 'Optline Demo alerts. Reply STOP to opt out.'
    perProgramRevocation: true
`;

// 47 CFR 64.1200(a)(10): revoke-all is waived until 2027-01-31 00:00 Eastern (Bureau order of 2026-01-06).
const WAIVED = Date.now() < Date.parse('2027-01-31T00:00:00-05:00');

describe('how far a STOP to a marketing message reaches (compliance-rules.md §3.12)', () => {
  let consent: ConsentHarness;

  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'optline-')), 'optline.yaml');
    writeFileSync(path, TENANTS);
    consent = await ConsentHarness.start('consent-scope', { OPTLINE_CONFIG: path });
  });

  afterAll(async () => {
    await consent.stop();
  });

  const clearedOf = (messageId: string) =>
    consent.cleared().filter((item) => item.message.messageId === messageId);
  const decided = (messageId: string) => () =>
    consent.outcomes(messageId).length > 0 || clearedOf(messageId).length > 0;
  const optedOut = (e164: string) =>
    consent
      .recipientEvents(e164)
      .filter(
        (event): event is Extract<RecipientEvent, { kind: 'consent_changed' }> =>
          event.kind === 'consent_changed' && event.status === 'opted_out',
      )
      .map((event) => event.purpose)
      .sort();

  it.each<[string, string, string, boolean]>([
    ['a tenant without the setting', 'demo', '+12125550201', false],
    ['a tenant that opted in to per-program revocation', 'per-program', '+12125550202', WAIVED],
  ])('%s: keeps transactional messages after the STOP: %s', async (_, tenantId, e164, keepsTransactional) => {
    const optIn = consentEvent(e164, 'opt_in', new Date(Date.now() - 60_000), { tenantId });
    const offer = workMessage(e164, { tenantId });
    await consent.screen(screenedConsent(e164, optIn), screenedMessage(offer));
    await consent.waitFor(() => clearedOf(offer.messageId).length === 1, 'the offer let through');

    const stop = inboundSms(e164, 'STOP', {
      tenantId,
      occurredAt: new Date(Date.now() + 1000).toISOString(),
    });
    await consent.screen(screenedInbound(e164, stop));
    await consent.waitFor(
      () => consent.audits((a) => a.action === 'reply.received' && a.subject.phone === e164).length === 1,
      'the STOP',
    );
    const marketing = workMessage(e164, { tenantId });
    const transactional = workMessage(e164, {
      tenantId,
      purpose: 'transactional',
      body: 'Your order shipped',
    });
    await consent.screen(screenedMessage(marketing), screenedMessage(transactional));
    await consent.waitFor(
      () => decided(marketing.messageId)() && decided(transactional.messageId)(),
      'the messages after the STOP',
    );

    expect(consent.outcomes(marketing.messageId)).toMatchObject([{ status: 'blocked', reason: 'OPTED_OUT' }]);
    expect(clearedOf(transactional.messageId)).toHaveLength(keepsTransactional ? 1 : 0);
    expect(optedOut(e164)).toEqual(keepsTransactional ? ['marketing'] : ['marketing', 'transactional']);
    const [received] = consent.audits((a) => a.action === 'reply.received' && a.subject.phone === e164);
    expect(received?.detail.revocation).toMatchObject({
      scope: keepsTransactional ? 'program' : 'all',
      rule: { id: 'US-FCC-REVOKE-ALL' },
    });
  });
});
