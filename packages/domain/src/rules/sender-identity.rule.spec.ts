import { checkSenderIdentity, type SenderContact } from './sender-identity.rule';

const AT = new Date('2026-12-02T12:00:00Z');
const ACME: SenderContact = {
  name: 'Acme',
  mailingAddress: '1 King St W, Toronto ON M5H 1A1',
  url: 'https://acme.example/contact',
  validUntil: new Date('2027-06-30T00:00:00Z'),
};
const BODY = 'Acme: 20% off today. Contact: acme.example/contact Reply STOP to opt out';

describe(checkSenderIdentity.name, () => {
  it.each<[string, { region: string; body: string }, SenderContact | undefined, string[]]>([
    ['a region without the rule', { region: 'US', body: 'Sale!' }, undefined, []],
    // CASL s. 6(2)(b), 6(3): name, mailing address and a phone, e-mail or web address, valid 60 days.
    ['Canada, complete', { region: 'CA', body: BODY }, ACME, []],
    [
      'Canada, nothing declared',
      { region: 'CA', body: BODY },
      undefined,
      ['CA: the tenant has declared no sender contact details'],
    ],
    [
      'Canada, no mailing address',
      { region: 'CA', body: BODY },
      { ...ACME, mailingAddress: '' },
      ['CA: no mailing address declared'],
    ],
    [
      'Canada, valid only 59 days more',
      { region: 'CA', body: BODY },
      { ...ACME, validUntil: new Date('2027-01-30T12:00:00Z') },
      ['CA: contact details must stay valid 60 days after sending'],
    ],
    [
      'Canada, valid exactly 60 days more',
      { region: 'CA', body: BODY },
      { ...ACME, validUntil: new Date('2027-01-31T12:00:00Z') },
      [],
    ],
    [
      'Canada, sender not named',
      { region: 'CA', body: 'Big sale: 20% off today. Call 416-555-0100' },
      { ...ACME, phone: '416-555-0100' },
      ['CA: the body does not name the sender "Acme"'],
    ],
    [
      'Canada, no way to reach',
      { region: 'CA', body: 'Acme: 20% off today. Reply STOP to opt out' },
      ACME,
      ['CA: the body gives no way to reach the sender'],
    ],
    // Spam Act 2003 s. 17: accurate contact details valid 30 days; no mailing address required.
    [
      'Australia, a phone in the body',
      { region: 'AU', body: 'Acme: sale on. Call 1300 000 000. Reply STOP' },
      { name: 'Acme', phone: '1300 000 000' },
      [],
    ],
    [
      'Australia, valid 29 days more',
      { region: 'AU', body: 'Acme: sale. acme.example/c' },
      { name: 'Acme', url: 'https://acme.example/c', validUntil: new Date('2026-12-31T12:00:00Z') },
      ['AU: contact details must stay valid 30 days after sending'],
    ],
    // PDPA s. 44: sender and contact details valid 30 days.
    [
      'Singapore, no contact kind',
      { region: 'SG', body: 'Acme: sale. www.acme.example' },
      { name: 'Acme' },
      ['SG: no phone, e-mail or web address declared'],
    ],
  ])('%s', (_, message, contact, details) => {
    expect(checkSenderIdentity(message, contact, AT)).toEqual(
      details.map((detail) => ({ rule: 'SENDER_IDENTITY', detail })),
    );
  });
});
