import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Link,
} from '@opentelemetry/api';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Message, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { Logger } from 'pino';

import { inTransaction, isTransientError } from '../db/database';
import type { StreamMetrics } from '../telemetry/metrics';
import type { TopicNames } from './kafka';
import {
  decodeRecord,
  deadLetter,
  headersOf,
  type OutRecord,
  type StreamHandler,
  type TenantCheck,
} from './records';

export interface StreamProcessorOptions {
  kafka: Kafka;
  pool: Pool;
  names: TopicNames;
  /** Consumer group; also scopes the outbox rows. */
  groupId: string;
  /** Stable per instance: a restarted instance fences its crashed predecessor's open transaction. */
  instanceId: string;
  handlers: StreamHandler[];
  tenants?: TenantCheck;
  logger: Logger;
  metrics: StreamMetrics;
  /** Fault-injection points for crash tests; never set in production. */
  faults?: {
    afterStateCommitted?: () => Promise<void>;
    afterOutputsSent?: () => Promise<void>;
  };
}

/** A record ready for Kafka: topic resolved, value serialised. Stored as-is in the outbox. */
interface SerialisedRecord {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

const DELETE_BEHIND = `
  delete from stream_outbox
   where group_id = $1 and topic = $2 and partition = $3 and record_offset < $4`;
const DELETE_COMMITTED = `
  delete from stream_outbox
   where group_id = $1 and topic = $2 and partition = $3 and record_offset <= $4`;
const SELECT_DONE = `
  select record_offset::text as record_offset, outputs
    from stream_outbox
   where group_id = $1 and topic = $2 and partition = $3 and record_offset = any($4::bigint[])`;
const INSERT_DONE = `
  insert into stream_outbox (group_id, topic, partition, record_offset, outputs)
  select $1, $2, $3, o, out from unnest($4::bigint[], $5::jsonb[]) as t(o, out)`;

const MAX_BACKOFF_MS = 5000;
const HEARTBEAT_MS = 2000;
/** Kafka's default limit on one produce request is 1 MiB; a batch's outputs are sent in smaller requests. */
const MAX_REQUEST_BYTES = 900 * 1024;
/** Partitions processed at the same time by one instance (each in its own transactions). */
const CONCURRENT_PARTITIONS = 3;

/**
 * Consume-process-produce with exactly-once effect. For each partition batch:
 *  1. in one PostgreSQL transaction, the handler changes state and returns its outputs, which are stored in
 *     `stream_outbox` against the consumed offsets;
 *  2. the outputs are produced and the consumed offset committed in one Kafka transaction (acks=all).
 * A crash between 1 and 2 replays the batch: the stored outputs are re-sent and the handler is not run
 * again, so nothing is decided twice and nothing is lost. Bad records go to the dead-letter topic; transient
 * faults are retried with back-off for as long as the service runs.
 */
export class StreamProcessor {
  private readonly consumer: Consumer;
  /** One transactional producer per partition processed at once: a producer runs one transaction at a time. */
  private readonly producers: Producer[];
  private readonly idle: Producer[];
  private readonly handlers: Map<string, StreamHandler>;
  private joined = false;
  private stopping = false;

  constructor(private readonly options: StreamProcessorOptions) {
    const { kafka, groupId, instanceId } = options;
    this.handlers = new Map(options.handlers.map((handler) => [handler.topic.name, handler]));
    this.consumer = kafka.consumer({
      groupId,
      readUncommitted: false,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
      maxBytesPerPartition: 1024 * 1024,
      retry: { retries: 10 },
    });
    this.producers = Array.from({ length: CONCURRENT_PARTITIONS }, (_, slot) =>
      kafka.producer({
        transactionalId: `${groupId}-${instanceId}-${slot}`,
        idempotent: true,
        maxInFlightRequests: 1,
        transactionTimeout: 30000,
      }),
    );
    this.idle = [...this.producers];
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => (this.joined = true));
    this.consumer.on(this.consumer.events.CRASH, () => (this.joined = false));
    this.consumer.on(this.consumer.events.STOP, () => (this.joined = false));
  }

  /** True once the consumer has joined its group and not crashed since. */
  get ready(): boolean {
    return this.joined;
  }

  async start(): Promise<void> {
    const { names } = this.options;
    await Promise.all(this.producers.map((producer) => producer.connect()));
    await this.consumer.connect();
    for (const topic of this.handlers.keys()) {
      await this.consumer.subscribe({ topic: names.actual(topic), fromBeginning: true });
    }
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: CONCURRENT_PARTITIONS,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /** Lets the batch in flight finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect().catch(() => undefined);
    await Promise.all(this.producers.map((producer) => producer.disconnect().catch(() => undefined)));
  }

  private async onBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const current = () => isRunning() && !isStale();
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const topic = this.options.names.canonical(batch.topic);
    const handler = this.handlers.get(topic);
    if (!handler) return;
    const started = process.hrtime.bigint();
    // The batch continues the trace of its first record's `traceparent` and links the others' (W3C).
    const [first, ...rest] = batch.messages.map((message) =>
      propagation.extract(ROOT_CONTEXT, headersOf(message.headers)),
    );
    const links = rest.flatMap((ctx): Link[] => {
      const span = trace.getSpanContext(ctx);
      return span ? [{ context: span }] : [];
    });
    // Long batches keep the group membership alive; the session timeout stays short for fast fail-over.
    const beat = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_MS);
    await tracer.startActiveSpan(
      `process ${topic}`,
      { kind: SpanKind.CONSUMER, links },
      first!,
      async (span) => {
        try {
          await this.processWithRetry(
            handler,
            batch.topic,
            batch.partition,
            batch.messages,
            heartbeat,
            current,
          );
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          clearInterval(beat);
          span.end();
        }
      },
    );
    resolveOffset(batch.lastOffset());
    await heartbeat();
    const { metrics } = this.options;
    metrics.messagesIn.inc({ topic }, batch.messages.length);
    metrics.handlerSeconds.observe({ topic }, Number(process.hrtime.bigint() - started) / 1e9);
    metrics.consumerLag.set({ topic, partition: String(batch.partition) }, Number(batch.offsetLag()));
  }

  private async processWithRetry(
    handler: StreamHandler,
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    heartbeat: () => Promise<void>,
    /** False once the service stops or a rebalance took the partition away: the batch is abandoned. */
    isCurrent: () => boolean,
  ): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.processBatch(handler, topic, partition, messages);
        return;
      } catch (error) {
        if (!isTransientError(error)) {
          await this.isolatePoison(handler, topic, partition, messages, error as Error);
          return;
        }
        if (this.stopping || !isCurrent()) throw error;
        this.options.metrics.retries.inc({ topic: handler.topic.name });
        const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt) * (0.5 + Math.random() / 2);
        this.options.logger.warn(
          { err: error, topic, partition, attempt, delay },
          'transient fault, retrying batch',
        );
        await sleep(delay);
        await heartbeat().catch(() => undefined);
      }
    }
  }

  /** A record that makes the handler fail for a non-transient reason is dead-lettered on its own. */
  private async isolatePoison(
    handler: StreamHandler,
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    error: Error,
  ): Promise<void> {
    if (messages.length > 1) {
      for (const message of messages) {
        await this.processWithRetry(
          handler,
          topic,
          partition,
          [message],
          async () => undefined,
          () => !this.stopping,
        );
      }
      return;
    }
    const [message] = messages as [KafkaMessage];
    this.options.logger.error(
      { err: error, topic, partition, offset: message.offset },
      'record could not be processed',
    );
    const letter = deadLetter(
      { topic, partition, message },
      'MALFORMED',
      [{ path: '(root)', message: `could not be processed: ${error.message}` }],
      new Date(),
    );
    this.options.metrics.messagesFailed.inc({ topic: handler.topic.name, reason: 'MALFORMED' });
    await this.commit(topic, partition, message.offset, [this.serialise(letter)]);
  }

  private async processBatch(
    handler: StreamHandler,
    topic: string,
    partition: number,
    messages: KafkaMessage[],
  ) {
    const { pool, groupId, tenants, metrics } = this.options;
    const offsets = messages.map((message) => message.offset);
    const outputs = await inTransaction(pool, async (tx) => {
      await tx.query(DELETE_BEHIND, [groupId, topic, partition, offsets[0]]);
      const done = await tx.query<{ record_offset: string; outputs: SerialisedRecord[] | null }>(
        SELECT_DONE,
        [groupId, topic, partition, offsets],
      );
      const replayed = done.rows.flatMap((row) => row.outputs ?? []);
      const doneOffsets = new Set(done.rows.map((row) => row.record_offset));
      const fresh = messages.filter((message) => !doneOffsets.has(message.offset));
      if (fresh.length === 0) return replayed;

      const now = new Date();
      const produced: OutRecord[] = [];
      const valid = [];
      for (const message of fresh) {
        const decoded = decodeRecord(handler.topic, { topic, partition, message }, tenants, now);
        if (decoded.ok) valid.push(decoded.record);
        else {
          produced.push(decoded.deadLetter);
          const reason = (decoded.deadLetter.value as { reason: string }).reason;
          metrics.messagesFailed.inc({ topic: handler.topic.name, reason });
        }
      }
      if (valid.length > 0) produced.push(...(await handler.handle(valid, { db: tx, now })));
      const serialised = produced.map((record) => this.serialise(record));
      await tx.query(INSERT_DONE, [
        groupId,
        topic,
        partition,
        fresh.map((message) => message.offset),
        fresh.map((_, index) => (index === 0 ? JSON.stringify(serialised) : null)),
      ]);
      return [...replayed, ...serialised];
    });
    await this.options.faults?.afterStateCommitted?.();
    await this.commit(topic, partition, messages[messages.length - 1]!.offset, outputs);
  }

  /** Produces the outputs and commits the consumed offset atomically (one Kafka transaction). */
  private async commit(topic: string, partition: number, lastOffset: string, outputs: SerialisedRecord[]) {
    // kafkajs never runs more than CONCURRENT_PARTITIONS batches at once, so a producer is always idle here.
    const producer = this.idle.pop()!;
    try {
      await this.commitWith(producer, topic, partition, lastOffset, outputs);
    } finally {
      this.idle.push(producer);
    }
    // Once committed, the stored outputs are never needed again; they may hold personal data (erasure).
    await this.options.pool
      .query(DELETE_COMMITTED, [this.options.groupId, topic, partition, lastOffset])
      .catch(() => undefined);
  }

  private async commitWith(
    producer: Producer,
    topic: string,
    partition: number,
    lastOffset: string,
    outputs: SerialisedRecord[],
  ) {
    const transaction = await producer.transaction();
    try {
      if (outputs.length > 0) {
        for (const chunk of chunksUnder(outputs, MAX_REQUEST_BYTES)) {
          await transaction.sendBatch({ acks: -1, topicMessages: groupByTopic(chunk) });
        }
      }
      await this.options.faults?.afterOutputsSent?.();
      await transaction.sendOffsets({
        consumerGroupId: this.options.groupId,
        topics: [{ topic, partitions: [{ partition, offset: (BigInt(lastOffset) + 1n).toString() }] }],
      });
      await transaction.commit();
    } catch (error) {
      await transaction.abort().catch(() => undefined);
      throw error;
    }
    for (const record of outputs) {
      this.options.metrics.messagesOut.inc({ topic: this.options.names.canonical(record.topic) });
    }
  }

  private serialise(record: OutRecord): SerialisedRecord {
    return {
      topic: this.options.names.actual(record.topic),
      key: record.key,
      value: JSON.stringify(record.value),
      headers: withTraceContext(record.headers),
    };
  }
}

export function groupByTopic(
  records: Array<{ topic: string; key: string; value: string; headers?: Record<string, string> }>,
) {
  const byTopic = new Map<string, Message[]>();
  for (const record of records) {
    const messages = byTopic.get(record.topic) ?? [];
    messages.push({ key: record.key, value: record.value, headers: record.headers });
    byTopic.set(record.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

const tracer = trace.getTracer('optline-stream');

/** Splits records into consecutive runs whose serialised size stays under `limit` bytes. */
export function chunksUnder<T extends { key: string; value: string }>(records: T[], limit: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const record of records) {
    const bytes = Buffer.byteLength(record.value) + Buffer.byteLength(record.key) + 64;
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

/** Adds the active trace context (`traceparent`) to a record's headers. */
export function withTraceContext(headers: Record<string, string> = {}): Record<string, string> {
  const carrier = { ...headers };
  propagation.inject(context.active(), carrier);
  return carrier;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
