import { readFileSync } from 'node:fs';

import { TOPICS, type DeliveryEvent, type ImportReport, type RecipientEvent } from '@optline/domain';

import { generateContactsCsv } from './csv-generator';
import { ACME_KEY, IngestionHarness } from './harness';

jest.setTimeout(240000);

const MB = 1024 * 1024;

/**
 * The V8 heap budget ingestion is meant to run with (NODE_OPTIONS of its launcher). Without it, V8 on a large
 * host grows the young generation to 2 x 64 MB and collects old space lazily, so a busy process floats to
 * ~400 MB of mostly garbage (the live heap stays under 100 MB); with it, the import peaks near 235 MB.
 */
export const INGESTION_NODE_OPTIONS = '--max-old-space-size=256 --max-semi-space-size=16';

/** VmRSS and VmHWM (peak) of a process, in bytes, from /proc. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** `POST /v1/contacts/import` on a real ingestion process. */
describe('CSV contact import', () => {
  let h: IngestionHarness;

  beforeAll(async () => {
    h = await IngestionHarness.start(
      'csv',
      { NODE_OPTIONS: process.env.OPTLINE_TEST_NODE_OPTIONS ?? INGESTION_NODE_OPTIONS },
      [TOPICS.accepted.name],
    );
  });

  afterAll(async () => {
    await h?.stop();
  });

  const importCsv = async (csv: string, key?: string) => {
    const response = await h.post('/v1/contacts/import', csv, { contentType: 'text/csv', key });
    return { status: response.status, report: response.body as unknown as ImportReport, body: response.body };
  };

  it("imports 100,000 generated rows with exactly the generator's counts, staying under 300 MB resident", async () => {
    const generated = generateContactsCsv(100_000);
    const pid = h.service.child.pid!;
    const before = memoryOf(pid);
    let peakRss = before.rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, memoryOf(pid).rss);
    }, 25);
    const started = Date.now();
    const { status, report } = await importCsv(generated.text);
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const after = memoryOf(pid);
    peakRss = Math.max(peakRss, after.rss);
    process.stdout.write(
      `CSV import of 100,000 rows (${(generated.text.length / MB).toFixed(1)} MB): ${seconds.toFixed(1)} s; ` +
        `ingestion RSS before ${(before.rss / MB).toFixed(0)} MB, peak sampled ${(peakRss / MB).toFixed(0)} MB, ` +
        `VmHWM ${(after.hwm / MB).toFixed(0)} MB\n`,
    );

    expect(status).toBe(200);
    const { rejected, ...counts } = report;
    expect(counts).toEqual(generated.expected);
    expect(rejected).toHaveLength(1000);
    expect(rejected.map((entry) => ({ row: entry.row, reason: entry.reason.split(':')[0] }))).toEqual(
      generated.rejected.slice(0, 1000),
    );
    const lines = generated.text.split('\n');
    for (const entry of rejected.slice(0, 50)) expect(entry.input).toBe(lines[entry.row - 1]);
    // A memory bound, not a timing: the whole service process, sampled while it imported.
    expect(after.hwm).toBeLessThan(300 * MB);

    // Every kept row was published, once, as a clean contact upsert.
    await h.probe.waitFor(
      () => h.accepted().length >= generated.expected.imported,
      120000,
      'the published upserts',
    );
    const upserts = h.accepted().filter((input) => input.kind === 'contact');
    expect(upserts).toHaveLength(generated.expected.imported);
    expect(new Set(upserts.map((input) => input.value.externalId)).size).toBe(generated.expected.imported);
    expect(
      upserts.every(
        (input) =>
          /^\+[1-9]\d{6,14}$/.test(String(input.value.phone)) && input.value.defaultCountry === undefined,
      ),
    ).toBe(true);
  });

  it('counts updates, numbers held by other contacts, suppressed numbers and disallowed countries', async () => {
    const first = await importCsv(
      'externalId,phone,tags,city\nu-1,+33612340001,vip|golf,Paris\nu-2,+33612340002,,Lyon\nu-3,+33612340003,,Nice\n',
      ACME_KEY,
    );
    expect(first.report).toMatchObject({ total: 3, imported: 3 });

    // An undeliverable number and an erased one, as ingestion hears of them.
    const undeliverable: DeliveryEvent = {
      tenantId: 'acme-eu',
      e164: '+33612340004',
      messageId: 'm-x',
      purpose: 'marketing',
      status: 'undeliverable',
      at: new Date().toISOString(),
    };
    const erased: RecipientEvent = {
      kind: 'erased',
      tenantId: 'acme-eu',
      e164: '+33612340003',
      at: new Date().toISOString(),
    };
    await h.producer.send(TOPICS.deliveryEvents.name, [undeliverable]);
    await h.producer.send(TOPICS.recipientEvents.name, [erased]);
    for (let tries = 0; ; tries++) {
      const rows = await h.query(
        'select 1 from number_suppressions where undeliverable_at is not null or erased_at is not null',
      );
      if (rows.length === 2) break;
      if (tries > 300) throw new Error('suppressions never arrived');
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(await h.query('select * from known_contacts where e164 = $1', ['+33612340003'])).toEqual([]);

    const second = await importCsv(
      [
        'externalId,phone,defaultCountry,tags',
        'u-1,06 12 34 00 01,FR,vip', // known externalId, same number: updated
        'u-9,+33612340002,,', // number held by u-2: duplicate
        'u-4,+33612340004,,', // undeliverable: suppressed
        'u-3,+33612340003,,', // erased: suppressed until a new opt-in
        'u-5,+34612340005,,', // Spain is not among acme-eu's countries: invalid
        'u-6,"+49 151 2345 0006",,"a|b;c"', // new: imported
        ',,,',
        '',
      ].join('\n'),
      ACME_KEY,
    );
    expect(second.status).toBe(200);
    expect(second.report).toEqual({
      total: 6,
      imported: 1,
      updated: 1,
      duplicates: 1,
      invalid: 1,
      notSmsCapable: 0,
      suppressed: 2,
      rejected: [
        { row: 3, input: 'u-9,+33612340002,,', reason: 'DUPLICATE_NUMBER' },
        { row: 4, input: 'u-4,+33612340004,,', reason: 'SUPPRESSED' },
        { row: 5, input: 'u-3,+33612340003,,', reason: 'SUPPRESSED' },
        { row: 6, input: 'u-5,+34612340005,,', reason: 'COUNTRY_NOT_ALLOWED' },
      ],
    });
    await h.probe.waitFor(
      () => h.accepted().some((input) => input.value.externalId === 'u-6'),
      60000,
      'u-6 published',
    );
    expect(h.accepted().find((input) => input.value.externalId === 'u-6')!.value).toMatchObject({
      phone: '+4915123450006',
      tags: ['a', 'b', 'c'],
    });

    // A new opt-in lifts the suppression for the import too.
    const optIn: RecipientEvent = {
      kind: 'consent_changed',
      tenantId: 'acme-eu',
      e164: '+33612340004',
      purpose: 'marketing',
      status: 'opted_in',
      cause: 'event',
      ledgerEventId: 'l-1',
      at: new Date(Date.now() + 1000).toISOString(),
    };
    await h.producer.send(TOPICS.recipientEvents.name, [optIn]);
    for (let tries = 0; ; tries++) {
      const again = await importCsv('externalId,phone\nu-4,+33612340004\n', ACME_KEY);
      if (again.report.imported === 1) break;
      expect(again.report.suppressed).toBe(1);
      if (tries > 100) throw new Error('the opt-in never lifted the suppression');
      await new Promise((done) => setTimeout(done, 100));
    }
  });

  it('counts a row the CSV reader cannot read as invalid, and goes on', async () => {
    const { status, report } = await importCsv('externalId,phone\nq-1,"+1 212 555 0191\nq-2,+12125550192\n');
    expect(status).toBe(200);
    // The unclosed quote swallows the rest of the file into one unreadable record.
    expect(report).toMatchObject({
      total: 1,
      invalid: 1,
      rejected: [{ row: 3, reason: expect.stringMatching(/^MALFORMED: .*[Qq]uote/) }],
    });
    const good = await importCsv('externalId,phone\n"q-3","+1 (212) 555-0193"\nq-4,+12125550194\n');
    expect(good.report).toMatchObject({ total: 2, imported: 2 });
  });

  it('refuses a file without a usable header, and a body that is not CSV', async () => {
    const noPhone = await importCsv('externalId,mobile\nx,+33612345678\n');
    expect(noPhone).toMatchObject({
      status: 400,
      body: { error: 'validation_failed', details: [{ path: 'header' }] },
    });
    const badName = await importCsv('externalId,phone,first name\n');
    expect(badName).toMatchObject({ status: 400, body: { details: [{ path: 'header.2' }] } });
    expect((await importCsv('')).status).toBe(400);
    expect((await h.post('/v1/contacts/import', { a: 1 })).status).toBe(415);
  });
});
