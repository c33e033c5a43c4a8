import type { Kafka, Producer } from 'kafkajs';

import type { StreamMetrics } from '../telemetry/metrics';
import type { TopicNames } from './kafka';
import type { OutRecord } from './records';
import { groupByTopic, withTraceContext } from './stream-processor';

/**
 * Produces records outside a consumed batch (HTTP requests, timers): idempotent producer, acks=all.
 * `send` resolves only once every record is acknowledged by Kafka.
 */
export class Publisher {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly names: TopicNames,
    private readonly metrics?: StreamMetrics,
  ) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
  }

  async send(records: OutRecord[]): Promise<void> {
    if (records.length === 0) return;
    const serialised = records.map((record) => ({
      topic: this.names.actual(record.topic),
      key: record.key,
      value: JSON.stringify(record.value),
      headers: withTraceContext(record.headers),
    }));
    await this.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(serialised) });
    for (const record of records) this.metrics?.messagesOut.inc({ topic: record.topic });
  }
}
