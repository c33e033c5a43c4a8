import { Client } from 'pg';

import { TOPICS } from '@optline/domain';

import { night, nextLocalHour, recipient, ukMobile, workMessage } from './builders';
import { PipelineHarness } from './harness';

jest.setTimeout(240000);

const COUNT = 10_000;
const MINUTE = 60_000;

async function queueState(url: string): Promise<{ waiting: number; released: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const waiting = await client.query<{ n: string }>('select count(*) as n from scheduling.deferral');
    const released = await client.query<{ n: string }>(
      `select count(*) as n from scheduling.scheduled_message where status = 'released'`,
    );
    return { waiting: Number(waiting.rows[0]?.n), released: Number(released.rows[0]?.n) };
  } finally {
    await client.end();
  }
}

describe('the deferral queue at scale', () => {
  let pipeline: PipelineHarness;

  beforeAll(async () => {
    pipeline = await PipelineHarness.start('release-scale', [TOPICS.released.name, TOPICS.outcomes.name]);
  });

  afterAll(async () => {
    await pipeline.stop();
  });

  it('10,000 messages deferred overnight are each released exactly once by two instances, though SIGKILLed twice while releasing', async () => {
    const dark = night();
    const opensAt = nextLocalHour(dark.offsetHours, 8);
    const messages = Array.from({ length: COUNT }, (_, i) => workMessage(recipient(ukMobile(i), dark.zone)));
    const sent = new Set(messages.map((message) => message.messageId));

    // Tonight: both instances defer everything to the morning opening.
    const tonight = await Promise.all([
      pipeline.run('scheduling', 'scheduling-a'),
      pipeline.run('scheduling', 'scheduling-b'),
    ]);
    const feeding = Date.now();
    await pipeline.clear(...messages);
    const deferredCount = () => pipeline.outcomes().filter((outcome) => outcome.status === 'deferred').length;
    await pipeline.waitFor(() => deferredCount() >= COUNT, `${COUNT} deferrals`, 120000);
    const deferMs = Date.now() - feeding;
    const latest = Math.max(...pipeline.outcomes().map((outcome) => Date.parse(outcome.scheduledFor ?? '')));
    expect(latest).toBeLessThan(opensAt.getTime() + 30 * MINUTE);
    expect(pipeline.released()).toHaveLength(0);
    expect(await Promise.all(tonight.map((instance) => instance.stop('SIGTERM')))).toEqual([0, 0]);
    expect(await queueState(pipeline.db.url)).toEqual({ waiting: COUNT, released: 0 });

    // The morning (the clock moved past the spread opening): both instances release, and are killed mid-way.
    const offset = String(latest + MINUTE - Date.now());
    const morning = { OPTLINE_CLOCK_OFFSET_MS: offset };
    const releasing = Date.now();
    const [a, b] = await Promise.all([
      pipeline.run('scheduling', 'scheduling-a', morning),
      pipeline.run('scheduling', 'scheduling-b', morning),
    ]);
    const releasedCount = () => pipeline.released().length;
    await pipeline.waitFor(() => releasedCount() >= 1500, 'the first releases', 60000);
    const firstKillAt = releasedCount();
    await a.stop('SIGKILL');
    await pipeline.run('scheduling', 'scheduling-a', morning);
    await pipeline.waitFor(() => releasedCount() >= 5000, 'more releases', 90000);
    const secondKillAt = releasedCount();
    await b.stop('SIGKILL');
    await pipeline.run('scheduling', 'scheduling-b', morning);

    await pipeline.waitFor(
      () => new Set(pipeline.releasedIds()).size >= COUNT,
      `all ${COUNT} released`,
      120000,
    );
    const releaseMs = Date.now() - releasing;
    await new Promise((done) => setTimeout(done, 3000)); // a duplicate release would arrive by now

    const releasedIds = pipeline.releasedIds();
    expect(firstKillAt).toBeLessThan(COUNT);
    expect(secondKillAt).toBeLessThan(COUNT);
    expect(releasedIds).toHaveLength(COUNT);
    expect(new Set(releasedIds)).toEqual(sent);
    expect(pipeline.outcomes().filter((outcome) => outcome.status !== 'deferred')).toEqual([]);
    expect(await queueState(pipeline.db.url)).toEqual({ waiting: 0, released: COUNT });
    process.stdout.write(
      `release-at-scale: deferred ${COUNT} in ${deferMs} ms; released ${COUNT} in ${releaseMs} ms ` +
        `(two instances, SIGKILL at ${firstKillAt} and ${secondKillAt} released, restarts included)\n`,
    );
  });
});
