import { TOPICS, optOutConfirmation, type RecipientEvent } from '@optline/domain';

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

const MINUTE = 60_000;

describe('consent service on the real broker and database', () => {
  let consent: ConsentHarness;

  beforeAll(async () => {
    consent = await ConsentHarness.start('consent');
  });

  afterAll(async () => {
    await consent.stop();
  });

  const consentChanges = (e164: string) =>
    consent
      .recipientEvents(e164)
      .filter(
        (event): event is Extract<RecipientEvent, { kind: 'consent_changed' }> =>
          event.kind === 'consent_changed',
      );
  const clearedOf = (messageId: string) =>
    consent.cleared().filter((item) => item.message.messageId === messageId);
  const decided = (messageId: string) => () =>
    consent.outcomes(messageId).length > 0 || clearedOf(messageId).length > 0;

  it('an opt-in with occurredAt older than an opt-out that was processed first leaves the number opted out', async () => {
    const e164 = '+12125550101';
    const now = Date.now();
    const optOut = consentEvent(e164, 'opt_out', new Date(now - 10 * MINUTE));
    await consent.screen(screenedConsent(e164, optOut));
    await consent.waitFor(
      () => consent.audits((a) => a.action === 'consent.opt_out' && a.subject.phone === e164).length === 1,
      'the opt-out',
    );

    const lateOlderOptIn = consentEvent(e164, 'opt_in', new Date(now - 20 * MINUTE));
    const first = workMessage(e164);
    await consent.screen(screenedConsent(e164, lateOlderOptIn), screenedMessage(first));
    await consent.waitFor(
      () => decided(first.messageId)() && consentChanges(e164).length >= 1,
      'the first message decided and the opt-out published',
    );

    // The late opt-in is in the ledger (and the audit trail) but decides nothing.
    expect(consent.audits((a) => a.action === 'consent.opt_in' && a.subject.phone === e164)).toHaveLength(1);
    expect(consentChanges(e164).map((event) => event.status)).toEqual(['opted_out']);
    const [blocked] = consent.outcomes(first.messageId);
    expect(blocked).toMatchObject({ status: 'blocked', reason: 'OPTED_OUT', to: e164 });
    expect(blocked?.detail).toMatchObject({ ledgerEventId: `consent_event:${optOut.id}` });
    expect(clearedOf(first.messageId)).toHaveLength(0);

    // A newer opt-in does decide: the next message goes on, naming it.
    const newerOptIn = consentEvent(e164, 'opt_in', new Date(now - MINUTE));
    const second = workMessage(e164);
    await consent.screen(screenedConsent(e164, newerOptIn), screenedMessage(second));
    // Outputs on different topics may reach the probe in any order: wait for both.
    await consent.waitFor(
      () => decided(second.messageId)() && consentChanges(e164).length >= 2,
      'the second message decided and the opt-in published',
    );
    expect(clearedOf(second.messageId).map((item) => item.message.consentEventId)).toEqual([
      `consent_event:${newerOptIn.id}`,
    ]);
    expect(consentChanges(e164).map((event) => [event.status, event.ledgerEventId])).toEqual([
      ['opted_out', `consent_event:${optOut.id}`],
      ['opted_in', `consent_event:${newerOptIn.id}`],
    ]);
  });

  it('blocks marketing without consent or with expired consent, lets transactional through, and audits each check', async () => {
    const none = '+12125550102';
    const expired = '+12125550103';
    const now = Date.now();
    await consent.screen(
      screenedConsent(
        expired,
        consentEvent(expired, 'opt_in', new Date(now - 60 * MINUTE), {
          expiresAt: new Date(now - MINUTE).toISOString(),
        }),
      ),
    );
    const noConsent = workMessage(none);
    const transactional = workMessage(none, { purpose: 'transactional', body: 'Your code is 123456' });
    const lapsed = workMessage(expired);
    await consent.screen(screenedMessage(noConsent), screenedMessage(transactional), screenedMessage(lapsed));
    // The same message delivered twice is decided once.
    await consent.screen(screenedMessage(noConsent));
    await consent.waitFor(
      () => [noConsent, transactional, lapsed].every((message) => decided(message.messageId)()),
      'three decisions',
    );

    expect(consent.outcomes(noConsent.messageId)).toMatchObject([
      { status: 'blocked', reason: 'NO_CONSENT' },
    ]);
    expect(consent.outcomes(lapsed.messageId)).toMatchObject([
      { status: 'blocked', reason: 'CONSENT_EXPIRED' },
    ]);
    expect(clearedOf(transactional.messageId)).toHaveLength(1);
    expect(clearedOf(transactional.messageId)[0]?.message.consentEventId).toBeUndefined();
    const checked = consent.audits(
      (a) => a.action === 'consent.checked' && a.subject.messageId === lapsed.messageId,
    );
    expect(checked).toHaveLength(1);
    expect(checked[0]?.detail).toMatchObject({ status: 'expired', purpose: 'marketing' });
    expect(String(checked[0]?.detail.ledgerEventId)).toMatch(/^consent_event:/);
    expect(
      consent.audits((a) => a.action === 'message.blocked' && a.subject.messageId === noConsent.messageId),
    ).toHaveLength(1);
  });

  it('STOP opts out of every purpose and confirms once, even delivered twice or repeated; START restores what it revoked', async () => {
    const e164 = '+12125550104';
    await consent.screen(screenedConsent(e164, consentEvent(e164, 'opt_in', new Date(Date.now() - MINUTE))));
    const stop = inboundSms(e164, 'STOP');
    await consent.screen(screenedInbound(e164, stop), screenedInbound(e164, stop));
    const again = inboundSms(e164, 'stop', { occurredAt: new Date(Date.now() + 1000).toISOString() });
    await consent.screen(screenedInbound(e164, again));
    await consent.waitFor(
      () => consent.audits((a) => a.action === 'reply.received' && a.subject.phone === e164).length === 2,
      'both STOP replies handled',
    );
    const marketing = workMessage(e164);
    const transactional = workMessage(e164, { purpose: 'transactional', body: 'Your order shipped' });
    await consent.screen(screenedMessage(marketing), screenedMessage(transactional));
    await consent.waitFor(
      () => decided(marketing.messageId)() && decided(transactional.messageId)(),
      'messages after STOP',
    );

    const confirmations = consent
      .cleared()
      .filter((item) => item.message.recipient.e164 === e164 && item.message.kind === 'confirmation');
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.message).toMatchObject({
      messageId: `${stop.id}:confirmation`,
      purpose: 'transactional',
      body: optOutConfirmation('Optline Demo'),
    });
    const optOuts = consentChanges(e164).filter((event) => event.status === 'opted_out');
    expect(
      optOuts
        .map((event) => [event.purpose, event.cause, event.ledgerEventId])
        .slice(0, 2)
        .sort(),
    ).toEqual([
      ['marketing', 'keyword', `keyword:${stop.id}:marketing`],
      ['transactional', 'keyword', `keyword:${stop.id}:transactional`],
    ]);
    expect(consent.outcomes(marketing.messageId)).toMatchObject([{ status: 'blocked', reason: 'OPTED_OUT' }]);
    expect(consent.outcomes(transactional.messageId)).toMatchObject([
      { status: 'blocked', reason: 'OPTED_OUT' },
    ]);

    const start = inboundSms(e164, 'START', { occurredAt: new Date(Date.now() + 2000).toISOString() });
    await consent.screen(screenedInbound(e164, start));
    await consent.waitFor(
      () => consentChanges(e164).filter((event) => event.status === 'opted_in').length === 3,
      'the START',
    );
    const restored = consentChanges(e164).filter((event) =>
      event.ledgerEventId.startsWith(`keyword:${start.id}`),
    );
    expect(restored.map((event) => [event.purpose, event.status]).sort()).toEqual([
      ['marketing', 'opted_in'],
      ['transactional', 'opted_in'],
    ]);
    const afterStart = workMessage(e164);
    await consent.screen(screenedMessage(afterStart));
    await consent.waitFor(decided(afterStart.messageId), 'the message after START');
    expect(clearedOf(afterStart.messageId)[0]?.message.consentEventId).toBe(`keyword:${start.id}:marketing`);
  });

  it('START gives back only what the STOP took: no marketing consent appears that was never given', async () => {
    const e164 = '+12125550105';
    await consent.screen(screenedInbound(e164, inboundSms(e164, 'STOP')));
    await consent.screen(
      screenedInbound(
        e164,
        inboundSms(e164, 'START', { occurredAt: new Date(Date.now() + 1000).toISOString() }),
      ),
    );
    await consent.waitFor(
      () => consentChanges(e164).some((event) => event.status === 'opted_in'),
      'the START',
    );
    const marketing = workMessage(e164);
    const transactional = workMessage(e164, { purpose: 'transactional', body: 'Your order shipped' });
    await consent.screen(screenedMessage(marketing), screenedMessage(transactional));
    await consent.waitFor(
      () => decided(marketing.messageId)() && decided(transactional.messageId)(),
      'two messages',
    );

    expect(
      consentChanges(e164)
        .filter((event) => event.status === 'opted_in')
        .map((event) => event.purpose),
    ).toEqual(['transactional']);
    expect(consent.outcomes(marketing.messageId)).toMatchObject([{ status: 'blocked', reason: 'OPTED_OUT' }]);
    expect(clearedOf(transactional.messageId)).toHaveLength(1);
  });

  it('HELP gets the help text, a spam report is a complaint and an opt-out, other replies are feedback', async () => {
    const e164 = '+12125550106';
    await consent.screen(screenedConsent(e164, consentEvent(e164, 'opt_in', new Date(Date.now() - MINUTE))));
    const help = inboundSms(e164, 'HELP');
    const feedback = inboundSms(e164, 'Loved the new menu, thanks!');
    const complaint = inboundSms(e164, 'this is spam, how did you get my number');
    await consent.screen(
      screenedInbound(e164, help),
      screenedInbound(e164, feedback),
      screenedInbound(e164, complaint),
    );
    // The replies and the HELP answer commit together but on different topics, so the probe may see either first.
    await consent.waitFor(
      () =>
        consent.recipientEvents(e164).filter((event) => event.kind === 'replied').length === 3 &&
        consent.cleared().some((item) => item.message.messageId === `${help.id}:help`),
      'three replies and the HELP answer',
    );

    const answers = consent.cleared().filter((item) => item.message.recipient.e164 === e164);
    expect(answers.map((item) => [item.message.kind, item.message.messageId])).toEqual([
      ['help', `${help.id}:help`],
    ]);
    expect(answers[0]?.message.body).toContain('support@example.com');
    const replied = consent.recipientEvents(e164).filter((event) => event.kind === 'replied');
    expect(replied.map((event) => [event.classification, event.at])).toEqual([
      ['HELP', help.occurredAt],
      ['FEEDBACK', feedback.occurredAt],
      ['COMPLAINT', complaint.occurredAt],
    ]);
    expect(
      consentChanges(e164)
        .filter((event) => event.cause === 'complaint')
        .map((event) => [event.purpose, event.status])
        .sort(),
    ).toEqual([
      ['marketing', 'opted_out'],
      ['transactional', 'opted_out'],
    ]);
    const received = consent.audits((a) => a.action === 'reply.received' && a.subject.phone === e164);
    expect(received.map((a) => a.detail.classification)).toEqual(['HELP', 'FEEDBACK', 'COMPLAINT']);
  });

  it('dead-letters an opt-in without proof and keeps the ledger unchanged', async () => {
    const e164 = '+12125550107';
    const unproven = consentEvent(e164, 'opt_in', new Date(), { proof: {} });
    await consent.screen(screenedConsent(e164, unproven));
    const message = workMessage(e164);
    await consent.screen(screenedMessage(message));
    await consent.waitFor(decided(message.messageId), 'the message');
    await consent.waitFor(() => consent.probe.on(TOPICS.dlq.name).length > 0, 'the dead letter');
    expect(consent.audits((a) => a.action === 'consent.opt_in' && a.subject.phone === e164)).toHaveLength(0);
    expect(consent.outcomes(message.messageId)).toMatchObject([{ status: 'blocked', reason: 'NO_CONSENT' }]);
  });
});
