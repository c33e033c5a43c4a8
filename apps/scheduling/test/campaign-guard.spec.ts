import {
  consentChanged,
  daytime,
  night,
  recipient,
  replied,
  resume,
  ukMobile,
  workMessage,
} from './builders';
import { PipelineHarness } from './harness';

jest.setTimeout(180000);

const CAMPAIGN = 'spring-sale';
const BODY = 'Optline Demo: spring sale, 20% off. Reply STOP to opt out';

describe('the campaign guard', () => {
  let pipeline: PipelineHarness;

  beforeAll(async () => {
    pipeline = await PipelineHarness.start('campaign');
    await pipeline.run('scheduling');
  });

  afterAll(async () => {
    await pipeline.stop();
  });

  it('a campaign with 250 sent and 6 STOP replies is paused; the rest are CAMPAIGN_PAUSED; resume lets new messages through', async () => {
    const day = daytime().zone;
    const sent = Array.from({ length: 250 }, (_, i) =>
      workMessage(recipient(ukMobile(i), day), { campaignId: CAMPAIGN, body: BODY }),
    );
    const waiting = Array.from({ length: 30 }, (_, i) =>
      workMessage(recipient(ukMobile(1000 + i), night().zone), { campaignId: CAMPAIGN, body: BODY }),
    );
    await pipeline.clear(...sent, ...waiting);
    await pipeline.waitFor(
      () => [...sent, ...waiting].every((message) => pipeline.decided(message.messageId)),
      '280 decisions',
      60000,
    );
    expect(
      pipeline.releasedIds().filter((id) => sent.some((message) => message.messageId === id)),
    ).toHaveLength(250);
    expect(waiting.every((message) => pipeline.outcomes(message.messageId)[0]?.status === 'deferred')).toBe(
      true,
    );

    const stop = (index: number) =>
      consentChanged(ukMobile(index), 'opted_out', { purpose: 'marketing', cause: 'keyword' });
    const optOutAudits = () =>
      pipeline.audits((a) => a.action === 'campaign.opt_out' && a.subject.campaignId === CAMPAIGN);
    const paused = () =>
      pipeline.audits((a) => a.action === 'campaign.paused' && a.subject.campaignId === CAMPAIGN);

    // Five numbers STOP (one of them twice): 5 / 250 = 2 %, not above it.
    await pipeline.recipientEvents(stop(0), stop(1), stop(2), stop(3), stop(4), stop(4));
    await pipeline.waitFor(() => optOutAudits().length === 5, 'five attributed opt-outs');
    await new Promise((done) => setTimeout(done, 1000));
    expect(optOutAudits()).toHaveLength(5);
    expect(paused()).toHaveLength(0);

    // The sixth: 6 / 250 = 2.4 % > 2 % of at least 200 sent.
    await pipeline.recipientEvents(stop(5));
    await pipeline.waitFor(() => paused().length === 1, 'the pause');
    expect(paused()[0]?.detail).toMatchObject({ sent: 250, optOuts: 6, complaints: 0, blockedWaiting: 30 });
    await pipeline.waitFor(
      () => waiting.every((message) => pipeline.outcomes(message.messageId).length === 2),
      'the waiting messages blocked',
    );
    for (const message of waiting) {
      expect(pipeline.outcomes(message.messageId)[1]).toMatchObject({
        status: 'blocked',
        reason: 'CAMPAIGN_PAUSED',
        campaignId: CAMPAIGN,
      });
    }
    const late = workMessage(recipient(ukMobile(2000), day), { campaignId: CAMPAIGN, body: BODY });
    await pipeline.clear(late);
    await pipeline.waitFor(() => pipeline.decided(late.messageId), 'a new message of the paused campaign');
    expect(pipeline.outcomes(late.messageId)).toMatchObject([
      { status: 'blocked', reason: 'CAMPAIGN_PAUSED' },
    ]);

    await pipeline.campaignControl(resume(CAMPAIGN));
    await pipeline.waitFor(
      () => pipeline.audits((a) => a.action === 'campaign.resumed').length === 1,
      'the resume',
    );
    expect(pipeline.audits((a) => a.action === 'campaign.resumed')[0]?.detail).toMatchObject({
      wasPaused: true,
    });
    const afterResume = workMessage(recipient(ukMobile(2001), day), { campaignId: CAMPAIGN, body: BODY });
    await pipeline.clear(afterResume);
    await pipeline.waitFor(() => pipeline.decided(afterResume.messageId), 'a new message after the resume');
    expect(pipeline.releasedIds()).toContain(afterResume.messageId);
    expect(pipeline.releasedIds()).not.toContain(late.messageId);

    // A spam complaint counts against the campaign that last texted the number, once.
    await pipeline.recipientEvents(
      replied(ukMobile(6), 'COMPLAINT'),
      replied(ukMobile(6), 'COMPLAINT', new Date(Date.now() + 1000)),
    );
    const complaints = () =>
      pipeline.audits((a) => a.action === 'campaign.complaint' && a.subject.campaignId === CAMPAIGN);
    await pipeline.waitFor(() => complaints().length === 1, 'the complaint');
    expect(complaints()[0]?.subject.phone).toBe(ukMobile(6));
  });
});
