import { Kafka, logLevel, type Admin, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

import { ALL_TOPICS, type TopicSpec } from '@optline/domain';

// kafkajs 2.2.4 hands Node a negative timeout in its request queue on Node 23+; Node clamps it to 1 ms,
// which is what kafkajs meant, and warns on every request. Only that warning is silenced.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const name =
    typeof warning === 'string'
      ? typeof rest[0] === 'string'
        ? rest[0]
        : (rest[0] as { type?: string })?.type
      : warning.name;
  if (name === 'TimeoutNegativeWarning') return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

/**
 * The only place that builds a Kafka client. kafkajs is looking for maintainers, so every Kafka call goes
 * through this folder and the client can be swapped without touching the services.
 */
export function createKafka(clientId: string, brokers: string[], logger: Logger): Kafka {
  const log = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 100, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...extra } = entry;
        if (level <= logLevel.ERROR) log.error(extra, message);
        else log.warn(extra, message);
      },
  });
}

/**
 * Topic names may carry a deployment prefix (OPTLINE_TOPIC_PREFIX, empty by default) so several
 * environments, or test runs, can share one cluster. The contract names are the unprefixed ones.
 */
export class TopicNames {
  constructor(readonly prefix = '') {}

  actual(spec: TopicSpec | string): string {
    return this.prefix + (typeof spec === 'string' ? spec : spec.name);
  }

  canonical(actual: string): string {
    return actual.startsWith(this.prefix) ? actual.slice(this.prefix.length) : actual;
  }
}

/** Creates every topic the system uses, with explicit partition counts. Safe to call from every service. */
export async function provisionTopics(kafka: Kafka, names: TopicNames, partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = ALL_TOPICS.map((spec) => names.actual(spec));
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((name) => !existing.has(name));
    if (missing.length > 0) {
      await admin
        .createTopics({
          // kafkajs's own wait gives up on "does not host this topic-partition"; untilServed waits instead.
          waitForLeaders: false,
          topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
        })
        .catch((error: Error & { type?: string }) => {
          // Another service created them at the same moment.
          if (error.type !== 'TOPIC_ALREADY_EXISTS' && !/already exists/i.test(error.message)) throw error;
        });
    }
    await untilServed(admin, wanted);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until the broker serves every topic with a leader for each partition. In KRaft the broker applies a
 * new topic a moment after the controller records it; asking or producing in between answers "this server
 * does not host this topic-partition", which kafkajs's own wait for leaders does not retry.
 */
async function untilServed(admin: Admin, topics: string[], timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      if (
        metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0))
      )
        return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(`topics not served within ${timeoutMs} ms: ${topics.join(', ')}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
