import { ValidationHarness, accepted } from './harness';

jest.setTimeout(120000);

/** A campaign through validation as a real process: its fan-out screened like any message, one per number. */
describe('validation campaign screening', () => {
  let h: ValidationHarness;

  beforeAll(async () => {
    h = await ValidationHarness.start('validation');
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('fans a campaign out once per matching number, rendering each contact', async () => {
    const contacts = [
      {
        externalId: 'c1',
        phone: '+12125550101',
        tags: ['spring'],
        attributes: { firstName: 'Al', ltv: 150 },
      },
      { externalId: 'c2', phone: '+12125550102', tags: ['spring'], attributes: { firstName: 'Bo', ltv: 50 } },
      {
        externalId: 'c3',
        phone: '+12125550101',
        tags: ['spring'],
        attributes: { firstName: 'Al again', ltv: 500 },
      },
      {
        externalId: 'c4',
        phone: '+12125550104',
        tags: ['autumn'],
        attributes: { firstName: 'Di', ltv: 900 },
      },
      { externalId: 'c5', phone: '+12125550105', tags: ['spring'], attributes: { ltv: 900 } },
    ];
    await h.accept(...contacts.map((c) => accepted('contact', { id: `cc-${c.externalId}`, ...c })));
    await h.probe.waitFor(
      () => h.audits((a) => String(a.id).startsWith('validation:cc-')).length === 5,
      30000,
      'campaign contacts',
    );
    await h.accept(
      accepted('campaign', {
        id: 'spring-req',
        campaignId: 'spring',
        purpose: 'marketing',
        body: 'Hi {{firstName}}, spring sale!',
        segment: { tagsAll: ['spring'], where: [{ attribute: 'ltv', op: 'gte', value: 100 }] },
      }),
    );
    await h.probe.waitFor(
      () => h.audits((a) => a.action === 'campaign.fanned_out').length === 1,
      30000,
      'fan-out done',
    );
    expect(h.audits((a) => a.action === 'campaign.fanned_out')[0]).toMatchObject({
      id: 'validation:spring-req:campaign.fanned_out',
      subject: { campaignId: 'spring' },
      detail: { recipients: 2 },
    });
    // c1 and c3 share a number: one message, to the smaller externalId. c5 has no firstName: blocked.
    expect(h.screenedMessage('spring-req:c1')).toMatchObject({
      campaignId: 'spring',
      body: 'Optline Demo: Hi Al, spring sale! Reply STOP to opt out',
    });
    expect(h.screenedMessage('spring-req:c3')).toBeUndefined();
    expect(h.outcome('spring-req:c5')).toMatchObject({ reason: 'CONTENT_VIOLATION', campaignId: 'spring' });
    expect(
      h.audits(
        (a) =>
          a.action === 'message.received' && (a.subject as { campaignId?: string }).campaignId === 'spring',
      ),
    ).toHaveLength(2);
  });
});
