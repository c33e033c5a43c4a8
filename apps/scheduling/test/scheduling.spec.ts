import {
  consentChanged,
  daytime,
  nextId,
  nextLocalHour,
  night,
  recipient,
  replied,
  workMessage,
  zoneWithLocalHour,
} from './builders';
import { PipelineHarness } from './harness';

jest.setTimeout(120000);

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('scheduling on the real broker and database', () => {
  let pipeline: PipelineHarness;

  beforeAll(async () => {
    pipeline = await PipelineHarness.start('scheduling');
    await pipeline.run('scheduling');
  });

  afterAll(async () => {
    await pipeline.stop();
  });

  it.each([
    [
      'a UK number under the default policy',
      '+447700900101',
      { region: 'GB', subdivisions: [] as string[] },
      'DEFAULT',
    ],
    [
      'a Florida number (305), where the state allows 3 a day and the policy 2',
      '+13055550101',
      { region: 'US', subdivisions: ['FL'] },
      'US-FL',
    ],
  ])(
    'three marketing messages to %s within an hour: two released, the third FREQUENCY_CAP',
    async (_, e164, where, jurisdiction) => {
      const to = recipient(e164, daytime().zone, where);
      const messages = [workMessage(to), workMessage(to), workMessage(to)];
      await pipeline.clear(...messages);
      await pipeline.waitFor(
        () => messages.every((message) => pipeline.decided(message.messageId)),
        'three decisions',
      );

      const [first, second, third] = messages.map((message) => message.messageId) as [string, string, string];
      expect(pipeline.releasedIds().filter((id) => [first, second, third].includes(id))).toEqual([
        first,
        second,
      ]);
      expect(pipeline.outcomes(third)).toMatchObject([
        { status: 'blocked', reason: 'FREQUENCY_CAP', to: e164 },
      ]);
      const released = pipeline.audits(
        (a) => a.action === 'message.released' && a.subject.messageId === first,
      );
      expect(released[0]?.detail.jurisdictions).toContain(jurisdiction);
    },
  );

  it('the same body to the same number within 24 h is DUPLICATE_CONTENT', async () => {
    const to = recipient('+447700900102', daytime().zone);
    const first = workMessage(to, { body: 'Optline Demo: same words. Reply STOP to opt out' });
    const again = workMessage(to, { body: first.body });
    await pipeline.clear(first, again);
    await pipeline.waitFor(
      () => pipeline.releasedIds().includes(first.messageId) && pipeline.decided(again.messageId),
      'the first released and the repeat decided',
    );
    expect(pipeline.releasedIds()).toContain(first.messageId);
    expect(pipeline.outcomes(again.messageId)).toMatchObject([
      { status: 'blocked', reason: 'DUPLICATE_CONTENT' },
    ]);
  });

  it('defers marketing at night to the opening, spread over 30 minutes; transactional and system replies are not held', async () => {
    const dark = night();
    const to = recipient('+447700900103', dark.zone);
    const marketing = workMessage(to);
    const transactional = workMessage(to, { purpose: 'transactional', body: 'Your code is 482913' });
    const confirmation = workMessage(to, {
      kind: 'confirmation',
      purpose: 'transactional',
      messageId: `${nextId('in')}:confirmation`,
    });
    const opensAt = nextLocalHour(dark.offsetHours, 8);
    await pipeline.clear(marketing, transactional, confirmation);
    await pipeline.waitFor(
      () => [marketing, transactional, confirmation].every((m) => pipeline.decided(m.messageId)),
      'three decisions',
    );

    const [deferred] = pipeline.outcomes(marketing.messageId);
    expect(deferred).toMatchObject({ status: 'deferred', reason: 'QUIET_HOURS', to: to.e164 });
    const scheduledFor = Date.parse(deferred?.scheduledFor ?? '');
    expect(scheduledFor).toBeGreaterThanOrEqual(opensAt.getTime());
    expect(scheduledFor).toBeLessThan(opensAt.getTime() + 30 * MINUTE);
    expect(pipeline.releasedIds()).not.toContain(marketing.messageId);
    expect(pipeline.releasedIds()).toEqual(
      expect.arrayContaining([transactional.messageId, confirmation.messageId]),
    );
    expect(
      pipeline.audits((a) => a.id === `scheduling:${marketing.messageId}:message.deferred:1`),
    ).toHaveLength(1);
  });

  it('holds a message until notBefore through the deferral queue, and expires one whose expiresAt passes first', async () => {
    const to = recipient('+447700900104', night().zone);
    const later = workMessage(to, {
      purpose: 'transactional',
      body: 'Reminder: appointment',
      notBefore: new Date(Date.now() + 3 * SECOND).toISOString(),
    });
    const stale = workMessage(to, { expiresAt: new Date(Date.now() - SECOND).toISOString() });
    const shortLived = workMessage(to, { expiresAt: new Date(Date.now() + 3 * SECOND).toISOString() });
    await pipeline.clear(later, stale, shortLived);
    await pipeline.waitFor(
      () => [later, stale, shortLived].every((m) => pipeline.decided(m.messageId)),
      'first decisions',
    );
    expect(pipeline.outcomes(later.messageId)).toMatchObject([
      { status: 'deferred', scheduledFor: later.notBefore },
    ]);
    expect(pipeline.outcomes(later.messageId)[0]?.reason).toBeUndefined();
    expect(pipeline.outcomes(stale.messageId)).toMatchObject([{ status: 'expired', reason: 'EXPIRED' }]);
    expect(pipeline.outcomes(shortLived.messageId)).toMatchObject([
      { status: 'deferred', reason: 'QUIET_HOURS' },
    ]);

    await pipeline.waitFor(
      () =>
        pipeline.releasedIds().includes(later.messageId) &&
        pipeline.outcomes(shortLived.messageId).length === 2,
      'the release at notBefore and the expiry',
    );
    const released = pipeline.released().find((item) => item.message.messageId === later.messageId);
    expect(Date.parse(released?.releasedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(later.notBefore ?? ''));
    expect(pipeline.outcomes(shortLived.messageId)[1]).toMatchObject({
      status: 'expired',
      reason: 'EXPIRED',
    });
    expect(pipeline.releasedIds()).not.toContain(shortLived.messageId);
  });

  it('an opt-out cancels the recipient’s waiting messages of that purpose only', async () => {
    const to = recipient('+447700900105', night().zone);
    const marketing = workMessage(to);
    const transactional = workMessage(to, {
      purpose: 'transactional',
      body: 'Statement ready',
      notBefore: new Date(Date.now() + HOUR).toISOString(),
    });
    await pipeline.clear(marketing, transactional);
    await pipeline.waitFor(
      () => pipeline.decided(marketing.messageId) && pipeline.decided(transactional.messageId),
      'two deferrals',
    );

    await pipeline.recipientEvents(consentChanged(to.e164, 'opted_out', { purpose: 'marketing' }));
    await pipeline.waitFor(() => pipeline.outcomes(marketing.messageId).length === 2, 'the cancellation');
    expect(pipeline.outcomes(marketing.messageId)[1]).toMatchObject({
      status: 'cancelled',
      reason: 'OPTED_OUT',
    });
    expect(pipeline.outcomes(transactional.messageId).map((o) => o.status)).toEqual(['deferred']);
  });

  it('an erasure cancels whatever still waits for the number', async () => {
    const to = recipient('+447700900109', night().zone);
    const waiting = workMessage(to, {
      purpose: 'transactional',
      body: 'Parcel due',
      notBefore: new Date(Date.now() + HOUR).toISOString(),
    });
    await pipeline.clear(waiting);
    await pipeline.waitFor(() => pipeline.decided(waiting.messageId), 'the deferral');
    await pipeline.recipientEvents({
      kind: 'erased',
      tenantId: 'demo',
      e164: to.e164,
      at: new Date().toISOString(),
    });
    await pipeline.waitFor(() => pipeline.outcomes(waiting.messageId).length === 2, 'the cancellation');
    expect(pipeline.outcomes(waiting.messageId)[1]).toMatchObject({
      status: 'cancelled',
      reason: 'OPTED_OUT',
    });
  });

  it('a message arriving after an opt-out is cancelled only if the opt-out came after the consent that cleared it', async () => {
    const to = recipient('+447700900106', daytime().zone);
    const optIn = consentChanged(to.e164, 'opted_in');
    const optOut = consentChanged(to.e164, 'opted_out');
    const ledgerIdOf = (event: typeof optIn) => (event.kind === 'consent_changed' ? event.ledgerEventId : '');
    // Waiting when the opt-in and the opt-out arrive: its cancellation shows both were recorded.
    const waiting = workMessage(to, {
      consentEventId: ledgerIdOf(optIn),
      notBefore: new Date(Date.now() + HOUR).toISOString(),
    });
    await pipeline.clear(waiting);
    await pipeline.waitFor(() => pipeline.decided(waiting.messageId), 'the waiting message');
    await pipeline.recipientEvents(optIn, optOut);
    await pipeline.waitFor(
      () => pipeline.outcomes(waiting.messageId).length === 2,
      'the cancellation of the waiting message',
    );
    expect(pipeline.outcomes(waiting.messageId)[1]).toMatchObject({
      status: 'cancelled',
      reason: 'OPTED_OUT',
    });

    // Cleared under the opt-in, before consent saw the opt-out, but arriving after it: revoked.
    const stale = workMessage(to, { consentEventId: ledgerIdOf(optIn) });
    // Cleared under a newer opt-in that scheduling has not heard of yet: not revoked.
    const fresh = workMessage(to, { consentEventId: nextId('ledger:newer-opt-in') });
    await pipeline.clear(stale, fresh);
    await pipeline.waitFor(
      () => pipeline.decided(stale.messageId) && pipeline.decided(fresh.messageId),
      'two decisions',
    );
    expect(pipeline.outcomes(stale.messageId)).toMatchObject([{ status: 'cancelled', reason: 'OPTED_OUT' }]);
    expect(pipeline.releasedIds()).toContain(fresh.messageId);
  });

  it('timing optimal sends at the hour the recipient replies in, inside the window; without replies at once', async () => {
    const day = zoneWithLocalHour(10, 13);
    const learned = recipient('+447700900107', day.zone);
    const unknown = recipient('+447700900108', day.zone);
    const preferredHour = ((new Date().getUTCHours() + day.offsetHours + 24) % 24) + 3;
    const replyAt = (daysAgo: number) =>
      new Date(nextLocalHour(day.offsetHours, preferredHour).getTime() - daysAgo * 24 * HOUR + 10 * MINUTE);
    await pipeline.recipientEvents(
      replied(learned.e164, 'FEEDBACK', replyAt(2)),
      replied(learned.e164, 'FEEDBACK', replyAt(3)),
    );
    await new Promise((done) => setTimeout(done, 1000));
    const optimal = workMessage(learned, { timing: 'optimal' });
    const noHistory = workMessage(unknown, { timing: 'optimal' });
    await pipeline.clear(optimal, noHistory);
    await pipeline.waitFor(
      () => pipeline.decided(optimal.messageId) && pipeline.decided(noHistory.messageId),
      'two decisions',
    );

    const [deferred] = pipeline.outcomes(optimal.messageId);
    expect(deferred?.status).toBe('deferred');
    expect(deferred?.reason).toBeUndefined();
    const hourStart = nextLocalHour(day.offsetHours, preferredHour).getTime();
    const scheduledFor = Date.parse(deferred?.scheduledFor ?? '');
    expect(scheduledFor).toBeGreaterThanOrEqual(hourStart);
    expect(scheduledFor).toBeLessThan(hourStart + 30 * MINUTE);
    expect(pipeline.releasedIds()).toContain(noHistory.messageId);
  });
});
