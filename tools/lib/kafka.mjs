// The Kafka client of the tools (warm-up, demo, benchmark): @confluentinc/kafka-javascript through its
// KafkaJS-compatible API. Settings go under `kafkaJS`; librdkafka's own keys sit beside it.
import ckjs from '@confluentinc/kafka-javascript';

const { Kafka, logLevel } = ckjs.KafkaJS;

export const brokersFromEnv = () => (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

export function createKafka(clientId, brokers = brokersFromEnv(), kafkaJS = {}) {
  return new Kafka({ kafkaJS: { clientId, brokers, logLevel: logLevel.NOTHING, ...kafkaJS } });
}

/** An idempotent producer that waits for every in-sync replica, as the services produce. */
export function createProducer(kafka) {
  return kafka.producer({ kafkaJS: { idempotent: true, acks: -1 }, 'linger.ms': 5 });
}

/** Resolves once a running consumer has partitions assigned: the client has no GROUP_JOIN event. */
export async function untilAssigned(consumer, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (consumer.assignment().length === 0) {
    if (Date.now() > deadline) throw new Error(`the consumer got no partitions within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
