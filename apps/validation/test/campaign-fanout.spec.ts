import { Client } from 'pg';

import { TOPICS } from '@optline/domain';
import {
  TestProducer,
  TopicProbe,
  createTestDatabase,
  createTestTopics,
  startService,
  type ServiceProcess,
  type TestDatabase,
} from '@optline/platform/testing';

jest.setTimeout(300000);

const CONTACTS = 50_000;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * 50,000 contacts into the registry, then one campaign whose fan-out is killed with SIGKILL halfway and
 * restarted. Every selected recipient must get exactly one message.
 *
 * The inputs go straight onto internal.accepted.v1, as ingestion forwards them, and no ingestion process is
 * started here: the platform names consumer groups after the service only, so an ingestion process of a
 * concurrently running test would share this one's group and take its partitions.
 */
describe('campaign fan-out over 50,000 contacts', () => {
  let db: TestDatabase;
  let names: Awaited<ReturnType<typeof createTestTopics>>;
  let producer: TestProducer;
  let probe: TopicProbe;
  let validation: ServiceProcess;
  let sql: Client;

  const startValidation = () =>
    startService('validation', {
      databaseUrl: db.url,
      names,
      extra: { OPTLINE_INSTANCE_ID: `test-${names.prefix}` },
    });

  beforeAll(async () => {
    db = await createTestDatabase('fanout');
    names = await createTestTopics('fanout');
    producer = await TestProducer.connect(names);
    probe = await TopicProbe.start(names, [TOPICS.screened.name, TOPICS.outcomes.name]);
    validation = startValidation();
    await validation.ready();
    const url = new URL(db.url);
    url.searchParams.set('options', '-c search_path=validation');
    sql = new Client({ connectionString: url.toString() });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await validation?.stop();
    await probe?.stop();
    await producer?.disconnect();
    await db?.drop();
  });

  it('fans out exactly the recipients an independent SQL query selects, once each, across a SIGKILL', async () => {
    // Contacts: every 50th shares the number of the contact before it; 'spring' and ltv >= 50 select about half.
    const expected = new Map<string, string>(); // e164 → smallest selected externalId
    const contacts = Array.from({ length: CONTACTS }, (_, i) => {
      const externalId = `k-${pad(i, 6)}`;
      const n = i % 50 === 49 ? i - 1 : i;
      const phone = `+3361${pad(n, 7)}`;
      const tags = i % 3 === 0 ? ['spring', 'vip'] : i % 3 === 1 ? ['spring'] : ['autumn'];
      const ltv = (i * 37) % 200;
      if (tags.includes('spring') && ltv >= 50 && !expected.has(phone)) expected.set(phone, externalId);
      const value = {
        id: `up-${i}`,
        tenantId: 'demo',
        occurredAt: '2026-11-28T10:00:00Z',
        externalId,
        phone,
        tags,
        attributes: { firstName: `F${i}`, ltv },
      };
      return { kind: 'contact', receivedAt: new Date().toISOString(), value };
    });
    const started = Date.now();
    for (let i = 0; i < contacts.length; i += 5000) {
      await producer.send(
        TOPICS.accepted.name,
        contacts.slice(i, i + 5000),
        (input) => `demo:${(input as { value: { externalId: string } }).value.externalId}`,
      );
    }
    for (;;) {
      const { rows } = await sql.query<{ n: number }>('select count(*)::int as n from contacts');
      if (rows[0]!.n === CONTACTS) break;
      if (Date.now() - started > 150_000) throw new Error(`only ${rows[0]!.n} contacts stored`);
      await new Promise((done) => setTimeout(done, 250));
    }
    const loaded = (Date.now() - started) / 1000;

    // The independent selection: written here, not by the segment builder.
    const { rows: selected } = await sql.query<{ external_id: string; e164: string }>(`
      select min(external_id) as external_id, e164
        from contacts
       where tenant_id = 'demo' and 'spring' = any(tags)
         and jsonb_typeof(attributes -> 'ltv') = 'number' and (attributes ->> 'ltv')::numeric >= 50
       group by e164`);
    expect(selected.length).toBe(expected.size);
    expect(new Map(selected.map((row) => [row.e164, row.external_id]))).toEqual(expected);

    const campaign = {
      id: 'spring-2026',
      tenantId: 'demo',
      occurredAt: '2026-11-28T10:00:00Z',
      campaignId: 'spring',
      purpose: 'marketing',
      body: 'Hi {{firstName}}, the spring sale starts now.',
      segment: { tagsAny: ['spring'], where: [{ attribute: 'ltv', op: 'gte', value: 50 }] },
    };
    await producer.send(
      TOPICS.accepted.name,
      [{ kind: 'campaign', receivedAt: new Date().toISOString(), value: campaign }],
      () => 'demo:spring',
    );
    const fanoutStarted = Date.now();
    const messages = () =>
      probe
        .on<{ kind: string; message: { messageId: string } }>(TOPICS.screened.name)
        .filter((item) => item.kind === 'message');

    // Kill validation part-way through the fan-out (a third: the probe trails the stream by a moment, and the
    // kill must land before the end), then start it again.
    await probe.waitFor(() => messages().length >= expected.size / 3, 120000, 'a third of the fan-out');
    const seenAtKill = messages().length;
    expect(await validation.stop('SIGKILL')).toBe('SIGKILL');
    // Killed mid-way: the fan-out is not finished, and not every message is out.
    expect((await sql.query('select 1 from campaign_fanouts where done_at is null')).rows).toHaveLength(1);
    expect(seenAtKill).toBeLessThan(expected.size);
    validation = startValidation();
    await validation.ready();

    for (;;) {
      const { rows } = await sql.query('select 1 from campaign_fanouts where done_at is not null');
      if (rows.length === 1) break;
      if (Date.now() - fanoutStarted > 150_000) throw new Error('the fan-out never finished');
      await new Promise((done) => setTimeout(done, 250));
    }
    await probe.waitFor(() => messages().length >= expected.size, 60000, 'every message');
    const fanoutSeconds = (Date.now() - fanoutStarted) / 1000;
    await new Promise((done) => setTimeout(done, 2000)); // a duplicate would have arrived by now

    const ids = messages().map((item) => item.message.messageId);
    const wanted = [...expected.values()].map((externalId) => `spring-2026:${externalId}`).sort();
    expect(ids.length).toBe(new Set(ids).size);
    expect([...ids].sort()).toEqual(wanted);
    expect(probe.on(TOPICS.outcomes.name)).toEqual([]);
    const { rows: fanout } = await sql.query<{ fanned_out: number; recipients: number }>(
      'select fanned_out, recipients from campaign_fanouts',
    );
    expect(fanout).toEqual([{ fanned_out: expected.size, recipients: expected.size }]);
    expect((await sql.query('select count(*)::int as n from campaign_recipients')).rows[0].n).toBe(0);
    process.stdout.write(
      `50,000 contacts stored in ${loaded.toFixed(1)} s; campaign of ${expected.size} recipients fanned out in ` +
        `${fanoutSeconds.toFixed(1)} s including a SIGKILL at ${seenAtKill} messages and a restart; ` +
        `${ids.length} messages, 0 duplicates\n`,
    );
  });
});
