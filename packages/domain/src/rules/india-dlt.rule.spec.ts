import { checkIndiaDlt, matchesTemplate, type DltRegistration } from './india-dlt.rule';

// TRAI TCCCPR 2018 (header and content-template registration on the DLT): unregistered traffic is blocked.
const REGISTRATION: DltRegistration = {
  headers: ['ACMEIN'],
  templates: [
    {
      id: '1107160000000012345',
      header: 'ACMEIN',
      body: 'Dear {#var#}, flat {#var#} off at Acme today. T&C apply -Acme',
    },
    { id: '1107160000000067890', header: 'ACMEIN', body: 'Your Acme OTP is {#var#}. Do not share it.' },
  ],
};

describe(checkIndiaDlt.name, () => {
  it.each<
    [
      string,
      { region: string; senderId?: string; templateId?: string; body: string },
      DltRegistration | undefined,
      string[],
    ]
  >([
    ['not an Indian number', { region: 'US', senderId: 'X', body: 'anything' }, undefined, []],
    [
      'a registered header and a matching template',
      { region: 'IN', senderId: 'ACMEIN', body: 'Dear Asha, flat 20% off at Acme today. T&C apply -Acme' },
      REGISTRATION,
      [],
    ],
    [
      'the template named by id',
      {
        region: 'IN',
        senderId: 'acmein',
        templateId: '1107160000000067890',
        body: 'Your Acme OTP is 481516. Do not share it.',
      },
      REGISTRATION,
      [],
    ],
    [
      'no registration at all',
      { region: 'IN', senderId: 'ACMEIN', body: 'Sale!' },
      undefined,
      ['the tenant has no DLT registration for India'],
    ],
    [
      'an unregistered header',
      { region: 'IN', senderId: 'OTHER', body: 'Sale!' },
      REGISTRATION,
      ['header "OTHER" is not registered on the DLT'],
    ],
    ['no header', { region: 'IN', body: 'Sale!' }, REGISTRATION, ['header "" is not registered on the DLT']],
    [
      'no template matches',
      { region: 'IN', senderId: 'ACMEIN', body: 'Mega sale now on!' },
      REGISTRATION,
      ['no DLT template registered for header "ACMEIN" matches the body'],
    ],
    [
      'an unknown template id',
      { region: 'IN', senderId: 'ACMEIN', templateId: '42', body: 'x' },
      REGISTRATION,
      ['template 42 is not registered for header "ACMEIN"'],
    ],
    [
      'a body that strays from its template',
      {
        region: 'IN',
        senderId: 'ACMEIN',
        templateId: '1107160000000067890',
        body: 'Your Acme OTP is 481516. Also: big sale!',
      },
      REGISTRATION,
      ['body does not match DLT template 1107160000000067890'],
    ],
  ])('%s', (_, message, registration, details) => {
    expect(checkIndiaDlt(message, registration)).toEqual(
      details.map((detail) => ({ rule: 'DLT_UNREGISTERED', detail })),
    );
  });

  it.each<[string, string, boolean]>([
    ['Hi Ravi.', 'Hi {#var#}.', true],
    ['Hi .', 'Hi {#var#}.', true],
    [`Hi ${'x'.repeat(30)}.`, 'Hi {#var#}.', true],
    [`Hi ${'x'.repeat(31)}.`, 'Hi {#var#}.', false],
    ['Price (Rs.) 99*', 'Price (Rs.) {#VAR#}*', true],
    ['Price Rs 99', 'Price (Rs.) {#var#}', false],
  ])('%j against %j → %s', (body, template, expected) => {
    expect(matchesTemplate(body, template)).toBe(expected);
  });
});
