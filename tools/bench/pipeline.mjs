// The six services as deployed (NODE_ENV=production, warn logs, no tracing) on topics and a database of
// their own: an idle spell, then full speed for transactional messages and for the realistic mix, then a
// paced run.
import { SERVICES, startServices, stopServices, waitUntilReady } from '../services.mjs';
import { firstAfterQuiet, idleCpu } from './idle.mjs';
import { loads, seed } from './load.mjs';
import { measuredRun } from './run.mjs';
import { SETTINGS, SETTLED, log } from './settings.mjs';
import { producer as createProducer, readTopic, waitUntilIdle } from './stream.mjs';

export async function benchPipeline(databaseUrl) {
  // The broker and PostgreSQL before any service of this run is up: what the rest of the machine costs them.
  const baseline = await idleCpu({});
  const prefix = `bench.pipeline.${Date.now().toString(36)}.`;
  const services = startServices({
    output: () => undefined,
    env: {
      DATABASE_URL: databaseUrl,
      OPTLINE_TOPIC_PREFIX: prefix,
      OPTLINE_PARTITIONS: String(SETTINGS.partitions),
      LOG_LEVEL: 'warn',
      OTEL_SDK_DISABLED: 'true',
      // As deployed: no schema check of every emitted record.
      NODE_ENV: 'production',
    },
  });
  try {
    await waitUntilReady(services);
    const pids = Object.fromEntries(services.map((proc) => [proc.service, proc.child.pid]));
    return { ...(await measurePipeline(prefix, pids)), idleBefore: baseline };
  } finally {
    await stopServices(services);
  }
}

async function measurePipeline(prefix, pids) {
  const topic = (name) => `${prefix}${name}`;
  const outcomesTopic = topic('optline.outcomes.v1');
  const settled = new Map();
  const outcomeRecords = {};
  const reader = await readTopic(outcomesTopic, (outcome, _timestamp, now) => {
    const key = outcome.reason ? `${outcome.status} ${outcome.reason}` : outcome.status;
    outcomeRecords[key] = (outcomeRecords[key] ?? 0) + 1;
    if (SETTLED.has(outcome.status) && !settled.has(outcome.messageId)) {
      settled.set(outcome.messageId, {
        status: outcome.status,
        reason: outcome.reason,
        decidedAt: Date.parse(outcome.at),
        seenAt: now,
      });
    }
  });
  const producer = createProducer();
  await producer.connect();
  const idle = { prefix, groups: SERVICES.map((service) => `${prefix}optline-${service}`) };
  const target = { producer, topic: topic('optline.messages.v1'), keyOf: (m) => `${m.tenantId}:${m.id}` };
  const common = { target, settled, pids, idle };
  const { people, make } = loads();
  try {
    await seed(producer, topic, people);
    await waitUntilIdle(prefix, idle.groups);
    await measuredRun({
      ...common,
      name: 'pipeline warm-up',
      load: 'mix',
      total: SETTINGS.warmUpMessages,
      make: make('mix', 'warm'),
    });

    // Nothing to do: the bench's own reader pauses too, so the broker serves no fetches of ours.
    reader.pause([{ topic: outcomesTopic }]);
    const quiet = await idleCpu(pids, SERVICES);
    reader.resume([{ topic: outcomesTopic }]);
    const afterQuiet = await firstAfterQuiet({ target, settled, make: make('transactional', 'quiet') });

    const transactional = await measuredRun({
      ...common,
      name: 'pipeline transactional full speed',
      load: 'transactional',
      total: SETTINGS.throughputMessages,
      make: make('transactional', 'tx'),
    });
    const mix = await measuredRun({
      ...common,
      name: 'pipeline mix full speed',
      load: 'mix',
      total: SETTINGS.throughputMessages,
      make: make('mix', 'mix'),
    });
    const paced = await measuredRun({
      ...common,
      name: `pipeline at ${SETTINGS.latencyRate}/s`,
      load: SETTINGS.latencyLoad,
      total: SETTINGS.latencyRate * SETTINGS.latencySeconds,
      rate: SETTINGS.latencyRate,
      make: make(SETTINGS.latencyLoad, 'lat'),
    });
    log(`pipeline: ${transactional.messagesPerSecond}/s transactional, ${mix.messagesPerSecond}/s mix`);
    return { transactional, mix, paced, idle: { ...quiet, firstAfterQuiet: afterQuiet }, outcomeRecords };
  } finally {
    await producer.disconnect();
    await reader.disconnect();
  }
}
