import { Client } from 'pg';

import {
  consentEvent,
  inboundSms,
  screenedConsent,
  screenedErasure,
  screenedInbound,
  screenedMessage,
  workMessage,
} from './builders';
import { ConsentHarness } from './harness';

jest.setTimeout(120000);

const E164 = '+12125550123';
/** The number in any format (E.164, national, formatted) contains these digits once separators are dropped. */
const NATIONAL_DIGITS = '2125550123';
/** What the contact told us about themselves, inside the proof and the replies. */
const PERSONAL = ['Jane Doe', 'jane.doe@example.com', '203.0.113.9'];

/** Every text and jsonb cell of the consent schema that still holds the number or the contact's details. */
async function personalDataLeft(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
        where table_schema = 'consent' and data_type in ('text', 'jsonb', 'json', 'character varying', 'ARRAY')`,
    );
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const { rows } = await client.query<{ cell: string }>(
        `select "${column}"::text as cell from consent."${table}"
          where regexp_replace("${column}"::text, '[^0-9]', '', 'g') like $1
             or "${column}"::text ilike any($2::text[])`,
        [`%${NATIONAL_DIGITS}%`, PERSONAL.map((text) => `%${text}%`)],
      );
      found.push(...rows.map((row) => `${table}.${column}: ${row.cell.slice(0, 200)}`));
    }
    return found;
  } finally {
    await client.end();
  }
}

async function proofCheck(port: number, body: unknown, key = 'demo-auditor-key') {
  const response = await fetch(`http://127.0.0.1:${port}/v1/consent/proof-check`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { events?: Array<Record<string, unknown>> },
  };
}

describe('erasure of a number in the consent service', () => {
  let consent: ConsentHarness;

  beforeAll(async () => {
    consent = await ConsentHarness.start('erasure');
  });

  afterAll(async () => {
    await consent.stop();
  });

  it('leaves no personal data in any consent table, keeps the proof verifiable, and blocks the number until a new opt-in', async () => {
    const optIn = consentEvent(E164, 'opt_in', new Date(Date.now() - 60_000), {
      proof: {
        capturedAt: new Date(Date.now() - 60_000).toISOString(),
        formUrl: `https://shop.example/signup?phone=${NATIONAL_DIGITS}&email=jane.doe@example.com`,
        ipAddress: '203.0.113.9',
        messageText: 'Yes, text me offers. Jane Doe, (212) 555-0123',
        name: 'Jane Doe',
      },
    });
    const before = workMessage(E164);
    await consent.screen(
      screenedConsent(E164, optIn),
      screenedInbound(E164, inboundSms(E164, 'Hi, this is Jane Doe, call me on 212 555 0123')),
      screenedInbound(E164, inboundSms(E164, 'HELP')),
      screenedMessage(before),
    );
    await consent.waitFor(
      () => consent.cleared().some((item) => item.message.messageId === before.messageId),
      'the message before erasure',
    );
    expect(await personalDataLeft(consent.db.url)).not.toEqual([]);

    const erasure = screenedErasure(E164);
    await consent.screen(erasure);
    await consent.waitFor(
      () => consent.audits((a) => a.action === 'number.erased').length === 1,
      'the erasure',
    );
    expect(consent.recipientEvents(E164).filter((event) => event.kind === 'erased')).toHaveLength(1);
    expect(
      consent
        .recipientEvents(E164)
        .filter((event) => event.kind === 'consent_changed' && event.ledgerEventId.startsWith('erasure:')),
    ).toHaveLength(2);

    // Stored outputs of committed batches (they hold the number) are swept within a few seconds.
    let left = await personalDataLeft(consent.db.url);
    for (let tries = 0; left.length > 0 && tries < 50; tries++) {
      await new Promise((done) => setTimeout(done, 200));
      left = await personalDataLeft(consent.db.url);
    }
    expect(left).toEqual([]);

    // The auditor who holds the number and the proof can still show the ledger recorded exactly that proof.
    const verified = await proofCheck(consent.service.port, { phone: '(212) 555-0123', proof: optIn.proof });
    expect(verified.status).toBe(200);
    const optInEvent = verified.body.events?.find(
      (event) => event.ledgerEventId === `consent_event:${optIn.id}`,
    );
    expect(optInEvent).toMatchObject({ action: 'opt_in', erased: true, proofMatches: true });
    const forged = await proofCheck(consent.service.port, {
      phone: E164,
      proof: { ...optIn.proof, ipAddress: '203.0.113.10' },
    });
    expect(
      forged.body.events?.find((event) => event.ledgerEventId === `consent_event:${optIn.id}`),
    ).toMatchObject({ proofMatches: false });
    expect((await proofCheck(consent.service.port, { phone: '+12125550199' })).status).toBe(404);
    // Auditors only, and only their own tenant's numbers.
    expect((await proofCheck(consent.service.port, { phone: E164 }, 'demo-producer-key')).status).toBe(401);
    expect(
      (await proofCheck(consent.service.port, { phone: E164, defaultCountry: 'US' }, 'acme-auditor-key'))
        .status,
    ).toBe(404);

    // A new import of the same number is blocked until a new opt-in.
    const reimported = workMessage(E164);
    await consent.screen(screenedMessage(reimported));
    await consent.waitFor(
      () => consent.outcomes(reimported.messageId).length > 0,
      'the message after erasure',
    );
    expect(consent.outcomes(reimported.messageId)).toMatchObject([
      { status: 'blocked', reason: 'OPTED_OUT' },
    ]);

    const newOptIn = consentEvent(E164, 'opt_in', new Date());
    const afterOptIn = workMessage(E164);
    await consent.screen(screenedConsent(E164, newOptIn), screenedMessage(afterOptIn));
    await consent.waitFor(
      () => consent.cleared().some((item) => item.message.messageId === afterOptIn.messageId),
      'the message after a new opt-in',
    );
    expect(
      consent.cleared().find((item) => item.message.messageId === afterOptIn.messageId)?.message
        .consentEventId,
    ).toBe(`consent_event:${newOptIn.id}`);
  });
});
