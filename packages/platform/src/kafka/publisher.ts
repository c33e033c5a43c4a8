import type { KafkaJS } from '@confluentinc/kafka-javascript';

import type { StreamMetrics } from '../telemetry/metrics';
import { checkEmit, toOutRecord, type Emit } from './emit';
import type { TopicNames } from './kafka';
import type { OutRecord } from './records';
import { groupByTopic, withTraceContext } from './transaction-committer';

/**
 * Produces records outside a consumed batch (HTTP requests, timers): idempotent producer, acks=all.
 * `send` resolves only once every record is acknowledged by Kafka.
 */
export class Publisher {
  private readonly producer: KafkaJS.Producer;

  constructor(
    kafka: KafkaJS.Kafka,
    private readonly names: TopicNames,
    private readonly metrics?: StreamMetrics,
    private readonly checkOutputs = false,
  ) {
    this.producer = kafka.producer({ kafkaJS: { idempotent: true, acks: -1 }, 'linger.ms': 2 });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
  }

  /** Publishes typed records: the key follows from each topic. */
  async emit(records: Emit[]): Promise<void> {
    if (this.checkOutputs) records.forEach(checkEmit);
    await this.send(records.map(toOutRecord));
  }

  async send(records: OutRecord[]): Promise<void> {
    if (records.length === 0) return;
    const serialised = records.map((record) => ({
      topic: this.names.actual(record.topic),
      key: record.key,
      value: JSON.stringify(record.value),
      headers: withTraceContext(record.headers),
    }));
    await this.producer.sendBatch({ topicMessages: groupByTopic(serialised) });
    for (const record of records) this.metrics?.messagesOut.inc({ topic: record.topic });
  }
}
