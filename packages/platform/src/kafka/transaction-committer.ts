import type { KafkaJS } from '@confluentinc/kafka-javascript';
import { context, propagation } from '@opentelemetry/api';
import type { Logger } from 'pino';

import type { SerialisedRecord } from './outbox.repository';

/** Kafka's default limit on one produce request is 1 MiB; a batch's outputs go in smaller requests. */
const MAX_REQUEST_BYTES = 900 * 1024;
/** The broker's default limit on one record (`message.max.bytes`), less room for headers and framing. */
export const MAX_RECORD_BYTES = 1_000_000 - 16 * 1024;

export interface CommitTarget {
  consumer: KafkaJS.Consumer;
  /** The consumed topic as named on the broker. */
  topic: string;
  partition: number;
  /** The offset of the next record to consume: the last one processed, plus one. */
  nextOffset: string;
}

export interface CommitFaults {
  afterOutputsSent?: () => Promise<void>;
}

/**
 * Produces a batch's outputs and commits its consumed offset in one Kafka transaction (acks all). The offset
 * is committed with the consumer's group metadata (KIP-447): once the partition has moved to another member,
 * the broker refuses this commit, so a stalled instance can never add a second copy of anything.
 *
 * One transactional producer per slot (a producer runs one transaction at a time). A producer whose commit or
 * abort failed is in an unknown state: it is discarded and the slot gets a fresh one with the same
 * transactional id, whose start fences the old one and settles its open transaction.
 */
export class TransactionCommitter {
  private readonly slots: Array<KafkaJS.Producer | undefined>;
  private readonly busy: boolean[];

  constructor(
    private readonly kafka: KafkaJS.Kafka,
    private readonly transactionalId: string,
    slots: number,
    private readonly logger: Logger,
  ) {
    this.slots = Array.from({ length: slots }, () => undefined);
    this.busy = Array.from({ length: slots }, () => false);
  }

  async commit(target: CommitTarget, outputs: SerialisedRecord[], faults?: CommitFaults): Promise<void> {
    const slot = this.busy.indexOf(false);
    if (slot < 0) throw new Error('more batches in flight than transactional producers');
    this.busy[slot] = true;
    let producer: KafkaJS.Producer | undefined;
    let settled = false;
    try {
      producer = await this.producerFor(slot);
      await producer.transaction();
      for (const chunk of chunksUnder(outputs, MAX_REQUEST_BYTES)) {
        await producer.sendBatch({ topicMessages: groupByTopic(chunk) });
      }
      await faults?.afterOutputsSent?.();
      await producer.sendOffsets({
        consumer: target.consumer,
        topics: [
          { topic: target.topic, partitions: [{ partition: target.partition, offset: target.nextOffset }] },
        ],
      });
      await producer.commit();
      settled = true;
    } catch (error) {
      await producer?.abort().catch(() => undefined);
      throw error;
    } finally {
      if (!settled && producer) this.discard(slot, producer);
      this.busy[slot] = false;
    }
  }

  async disconnect(): Promise<void> {
    await Promise.all(this.slots.map((producer) => producer?.disconnect().catch(() => undefined)));
    this.slots.fill(undefined);
  }

  private async producerFor(slot: number): Promise<KafkaJS.Producer> {
    const existing = this.slots[slot];
    if (existing) return existing;
    const producer = this.kafka.producer({
      kafkaJS: { transactionalId: `${this.transactionalId}-${slot}`, idempotent: true, acks: -1 },
      'transaction.timeout.ms': 30000,
      'linger.ms': 2,
    });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    this.slots[slot] = producer;
    return producer;
  }

  private discard(slot: number, producer: KafkaJS.Producer): void {
    if (this.slots[slot] === producer) this.slots[slot] = undefined;
    this.logger.warn(
      { slot },
      'transactional producer discarded after a failed commit; a fresh one replaces it',
    );
    void producer.disconnect().catch(() => undefined);
  }
}

export function groupByTopic(records: SerialisedRecord[]): KafkaJS.TopicMessages[] {
  const byTopic = new Map<string, KafkaJS.Message[]>();
  for (const record of records) {
    const messages = byTopic.get(record.topic) ?? [];
    messages.push({ key: record.key, value: record.value, headers: record.headers });
    byTopic.set(record.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** Splits records into consecutive runs whose serialised size stays under `limit` bytes. */
export function chunksUnder<T extends { key: string; value: string }>(records: T[], limit: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const record of records) {
    const bytes = recordBytes(record);
    if (current.length > 0 && size + bytes > limit) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(record);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export function recordBytes(record: { key: string; value: string; headers?: Record<string, string> }) {
  let bytes = Buffer.byteLength(record.value) + Buffer.byteLength(record.key) + 64;
  for (const [name, value] of Object.entries(record.headers ?? {})) bytes += name.length + value.length;
  return bytes;
}

/** Adds the active trace context (`traceparent`) to a record's headers. */
export function withTraceContext(headers: Record<string, string> = {}): Record<string, string> {
  const carrier = { ...headers };
  propagation.inject(context.active(), carrier);
  return carrier;
}
