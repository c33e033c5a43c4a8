import { KafkaJS } from '@confluentinc/kafka-javascript';
import type { Logger } from 'pino';

import { ALL_TOPICS, type TopicSpec } from '@optline/domain';

/**
 * The only place that builds a Kafka client: Confluent's client on librdkafka, through its KafkaJS-shaped API.
 * Every Kafka call of the services goes through this folder.
 */
export function createKafka(clientId: string, brokers: string[], logger: Logger): KafkaJS.Kafka {
  const log = logger.child({ component: 'kafka' });
  return new KafkaJS.Kafka({
    kafkaJS: {
      clientId,
      brokers,
      connectionTimeout: 3000,
      logLevel: KafkaJS.logLevel.WARN,
      logger: clientLogger(log),
    },
  });
}

/** librdkafka's warnings and errors, in the service's log. */
function clientLogger(log: Logger): KafkaJS.Logger {
  const logger: KafkaJS.Logger = {
    info: () => undefined,
    debug: () => undefined,
    warn: (message, extra) => log.warn(extra ?? {}, message),
    error: (message, extra) => log.error(extra ?? {}, message),
    namespace: () => logger,
    setLogLevel: () => undefined,
  };
  return logger;
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
export async function provisionTopics(
  kafka: KafkaJS.Kafka,
  names: TopicNames,
  partitions: number,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = ALL_TOPICS.map((spec) => names.actual(spec));
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((name) => !existing.has(name));
    if (missing.length > 0) {
      await admin
        .createTopics({
          topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
        })
        .catch((error: Error) => {
          // Another service created them at the same moment.
          if (!/already exists/i.test(error.message)) throw error;
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
 * does not host this topic-partition".
 */
async function untilServed(admin: KafkaJS.Admin, topics: string[], timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics, timeout: 5000 });
      if (
        metadata.length === topics.length &&
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
