import type { KafkaJS } from '@confluentinc/kafka-javascript';
import { ROOT_CONTEXT, SpanKind, propagation, trace, type Link } from '@opentelemetry/api';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';

import { inTransaction } from '../db/database';
import { Clock } from '../service/clock';
import type { StreamMetrics } from '../telemetry/metrics';
import { ConsumerHealth } from './consumer-health';
import type { TopicNames } from './kafka';
import {
  StreamOutbox,
  type PartitionRef,
  type SerialisedRecord,
  type StoredBatch,
} from './outbox.repository';
import {
  decodeRecord,
  deadLetter,
  headersOf,
  type ConsumedMessage,
  type OutRecord,
  type StreamHandler,
  type TenantCheck,
} from './records';
import {
  Fenced,
  OutputRejected,
  Redeliver,
  RETRY_POLICY,
  backoffMs,
  isTransient,
  sleep,
} from './retry-policy';
import {
  MAX_RECORD_BYTES,
  TransactionCommitter,
  recordBytes,
  withTraceContext,
  type CommitFaults,
} from './transaction-committer';

export interface StreamProcessorOptions {
  kafka: KafkaJS.Kafka;
  pool: Pool;
  names: TopicNames;
  /** Consumer group; also scopes the outbox rows. */
  groupId: string;
  /** Stable per instance: names its transactional producers, so a restarted instance fences its predecessor. */
  instanceId: string;
  handlers: StreamHandler[];
  tenants?: TenantCheck;
  logger: Logger;
  metrics: StreamMetrics;
  clock?: Clock;
  /** Ready turns false once a partition with lag has committed nothing for this long (default 30 s). */
  stallTimeoutMs?: number;
  /** Fault-injection points for crash tests; never set in production. */
  faults?: CommitFaults & { afterStateCommitted?: () => Promise<void> };
}

/**
 * Partitions processed at the same time by one instance, each batch in its own transactions. Each one costs a
 * transactional producer, about 13 MB resident of librdkafka; two keep both cores of a small machine busy.
 */
const CONCURRENT_PARTITIONS = 2;
const MAX_BATCH_RECORDS = 500;
const LAG_CHECK_MS = 2000;

/** One consumed batch's partition, and whether it is still ours to commit. */
interface BatchScope {
  handler: StreamHandler;
  ref: PartitionRef;
  /** False once the service stops or a rebalance took the partition away. */
  current(): boolean;
  /** Moves the consumer past `offset` (it may lie beyond the batch when a stored batch covered more). */
  resolve(offset: string): void;
}

/**
 * Consume-process-produce with exactly-once effect. For each run of records of one partition:
 *  1. in one PostgreSQL transaction, the handler changes state and returns its outputs, which are stored in
 *     the outbox (outbox.repository.ts) against the run's offsets;
 *  2. the outputs are produced and the consumed offset committed in one Kafka transaction, fenced by the
 *     consumer group's generation (transaction-committer.ts).
 * A crash or failed commit between 1 and 2 replays the stored outputs; the handler is not run again, so
 * nothing is decided twice and nothing is lost. A record that fails for a reason that is not transient is
 * found by halving its batch and dead-lettered alone after bounded retries; transient faults are retried
 * for as long as the partition is ours (retry-policy.ts).
 */
export class StreamProcessor {
  private readonly consumer: KafkaJS.Consumer;
  private readonly admin: KafkaJS.Admin;
  private readonly committer: TransactionCommitter;
  private readonly outbox: StreamOutbox;
  private readonly health: ConsumerHealth;
  private readonly handlers: Map<string, StreamHandler>;
  private readonly clock: Clock;
  private stopping = false;
  private readonly transientFaults = new FailureCount();

  constructor(private readonly options: StreamProcessorOptions) {
    const { kafka, groupId, instanceId, names, metrics } = options;
    this.handlers = new Map(options.handlers.map((handler) => [handler.topic.name, handler]));
    this.clock = options.clock ?? new Clock();
    this.health = new ConsumerHealth(options.stallTimeoutMs ?? 30000, names, metrics);
    this.outbox = new StreamOutbox(options.pool);
    this.committer = new TransactionCommitter(
      kafka,
      `${groupId}-${instanceId}`,
      CONCURRENT_PARTITIONS,
      options.logger,
    );
    this.admin = kafka.admin();
    this.consumer = kafka.consumer({
      kafkaJS: {
        groupId,
        fromBeginning: true,
        autoCommit: false,
        sessionTimeout: 10000,
        heartbeatInterval: 1000,
        maxWaitTimeInMs: 50,
      },
      'isolation.level': 'read_committed',
      'js.consumer.max.batch.size': MAX_BATCH_RECORDS,
      // librdkafka prefetches up to 64 MB per consumer and fetches up to 50 MB at once by default; a few
      // batches ahead is enough here, and keeps a service's memory bounded.
      'queued.max.messages.kbytes': 4096,
      'fetch.max.bytes': 4 * 1024 * 1024,
      'max.poll.interval.ms': 300000,
      rebalance_cb: (error: { code: number }, assignment: KafkaJS.TopicPartition[]) => {
        if (error.code === ASSIGN_PARTITIONS) this.health.assigned(assignment);
        else this.health.revoked(assignment);
      },
    });
  }

  /** True once the consumer has joined its group, and while no partition with lag is stalled. */
  get ready(): boolean {
    return !this.stopping && this.health.ready;
  }

  async start(): Promise<void> {
    const { names } = this.options;
    await this.admin.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.handlers.keys()].map((topic) => names.actual(topic)) });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: CONCURRENT_PARTITIONS,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.health.watch(this.consumer, this.admin, LAG_CHECK_MS);
  }

  /** Lets the batches in flight finish and commit, then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.health.stop();
    await this.consumer.disconnect().catch(() => undefined);
    this.health.left();
    await this.committer.disconnect();
    await this.admin.disconnect().catch(() => undefined);
  }

  private async onBatch({ batch, resolveOffset, isRunning, isStale }: KafkaJS.EachBatchPayload) {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const topic = this.options.names.canonical(batch.topic);
    const handler = this.handlers.get(topic);
    if (!handler) return;
    const started = process.hrtime.bigint();
    const scope: BatchScope = {
      handler,
      ref: { groupId: this.options.groupId, topic: batch.topic, partition: batch.partition },
      current: () => !this.stopping && isRunning() && !isStale(),
      resolve: (offset) => resolveOffset(offset),
    };
    // The batch continues the trace of its first record's `traceparent` and links the others' (W3C).
    const [first, ...rest] = batch.messages.map((message) =>
      propagation.extract(ROOT_CONTEXT, headersOf(message.headers)),
    );
    const links = rest.flatMap((ctx): Link[] => {
      const span = trace.getSpanContext(ctx);
      return span ? [{ context: span }] : [];
    });
    await tracer.startActiveSpan(
      `process ${topic}`,
      { kind: SpanKind.CONSUMER, links },
      first!,
      async (span) => {
        try {
          await this.processRun(scope, batch.messages);
        } catch (error) {
          if (!(error instanceof Fenced) && !(error instanceof Redeliver)) throw error;
          this.options.logger.warn({ err: error.cause, topic, partition: batch.partition }, error.message);
        } finally {
          span.end();
        }
      },
    );
    const { metrics } = this.options;
    metrics.messagesIn.inc({ topic }, batch.messages.length);
    metrics.handlerSeconds.observe({ topic }, Number(process.hrtime.bigint() - started) / 1e9);
  }

  /** Processes and commits a run of consecutive records; throws `Fenced` when the partition is no longer ours. */
  private async processRun(scope: BatchScope, messages: ConsumedMessage[]): Promise<void> {
    const { logger, metrics } = this.options;
    const topic = scope.handler.topic.name;
    let failures = 0;
    let lastError: Error | undefined;
    for (;;) {
      try {
        const failure = failures >= RETRY_POLICY.recordAttempts ? lastError : undefined;
        return await this.processOnce(scope, messages, failure);
      } catch (error) {
        if (error instanceof Fenced) throw error;
        if (!scope.current()) throw new Fenced(error);
        if (error instanceof Redeliver || isTransient(error)) {
          metrics.retries.inc({ topic });
          await sleep(backoffMs(this.transientFaults.add(scope.ref)));
          throw error instanceof Redeliver ? error : new Redeliver('transient fault', error);
        }
        if (messages.length > 1) {
          // Some record of the run fails on its own account: halve until it stands alone; the rest flow.
          const half = Math.ceil(messages.length / 2);
          await this.processRun(scope, messages.slice(0, half));
          return await this.processRun(scope, messages.slice(half));
        }
        failures++;
        lastError = error as Error;
        logger.warn(
          { err: error, topic, partition: scope.ref.partition, offset: messages[0]!.offset, failures },
          'record failed, retrying',
        );
        await sleep(backoffMs(failures));
      }
    }
  }

  /**
   * One attempt: replays the stored outputs of a run processed before (crash, failed commit, rebalance), or
   * runs the handler (or, with `failure`, dead-letters the lone record) and stores the outputs; then commits.
   */
  private async processOnce(
    scope: BatchScope,
    messages: ConsumedMessage[],
    failure: Error | undefined,
  ): Promise<void> {
    const firstOffset = messages[0]!.offset;
    const lastOffset = messages[messages.length - 1]!.offset;
    let replay = false;
    const stored = await inTransaction(this.options.pool, async (tx): Promise<StoredBatch> => {
      const pending = await this.outbox.pending(tx, scope.ref, firstOffset);
      replay = pending !== undefined;
      if (pending) return pending;
      const produced = failure
        ? [this.processingFailed(scope, messages[0]!, failure)]
        : await this.handle(scope, messages, tx);
      const batch = { firstOffset, lastOffset, outputs: produced.map((record) => this.serialise(record)) };
      checkSizes(batch.outputs);
      await this.outbox.store(tx, scope.ref, batch);
      return batch;
    });
    await this.options.faults?.afterStateCommitted?.();
    await this.commit(scope, stored, replay);
    if (BigInt(stored.lastOffset) < BigInt(lastOffset)) {
      await this.processRun(
        scope,
        messages.filter((message) => BigInt(message.offset) > BigInt(stored.lastOffset)),
      );
    }
  }

  private async handle(scope: BatchScope, messages: ConsumedMessage[], tx: PoolClient) {
    const { tenants, metrics } = this.options;
    const spec = scope.handler.topic;
    const now = this.clock.now();
    const produced: OutRecord[] = [];
    const valid = [];
    for (const message of messages) {
      const source = { topic: scope.ref.topic, partition: scope.ref.partition, message };
      const decoded = decodeRecord(spec, source, tenants, now);
      if (decoded.ok) valid.push(decoded.record);
      else {
        produced.push(decoded.deadLetter);
        metrics.messagesFailed.inc({
          topic: spec.name,
          reason: (decoded.deadLetter.value as { reason: string }).reason,
        });
      }
    }
    if (valid.length > 0) produced.push(...(await scope.handler.handle(valid, { db: tx, now })));
    return produced;
  }

  private processingFailed(scope: BatchScope, message: ConsumedMessage, error: Error): OutRecord {
    const topic = scope.handler.topic.name;
    const traceId = trace.getActiveSpan()?.spanContext().traceId;
    this.options.logger.error(
      { err: error, topic, partition: scope.ref.partition, offset: message.offset, traceId },
      'record dead-lettered: processing failed after retries',
    );
    this.options.metrics.messagesFailed.inc({ topic, reason: 'PROCESSING_FAILED' });
    const source = { topic: scope.ref.topic, partition: scope.ref.partition, message };
    const errors = [{ path: '(root)', message: `${error.name}: ${error.message}` }];
    return deadLetter(source, 'PROCESSING_FAILED', errors, this.clock.now());
  }

  private async commit(scope: BatchScope, stored: StoredBatch, replay: boolean): Promise<void> {
    const { ref } = scope;
    if (replay && (await this.alreadyCommitted(ref, stored))) {
      scope.resolve(stored.lastOffset);
      await this.outbox.committed(ref, stored.lastOffset);
      return;
    }
    const target = {
      consumer: this.consumer,
      topic: ref.topic,
      partition: ref.partition,
      nextOffset: (BigInt(stored.lastOffset) + 1n).toString(),
    };
    try {
      await this.committer.commit(target, stored.outputs, this.options.faults);
    } catch (error) {
      if (!scope.current()) throw new Fenced(error);
      throw new Redeliver('Kafka transaction failed', error);
    }
    this.transientFaults.clear(ref);
    scope.resolve(stored.lastOffset);
    this.health.committed(ref.topic, ref.partition);
    await this.outbox.committed(ref, stored.lastOffset);
    for (const record of stored.outputs) {
      this.options.metrics.messagesOut.inc({ topic: this.options.names.canonical(record.topic) });
    }
  }

  /**
   * A replayed batch may have been committed after all (a commit that timed out but went through): the group's
   * committed offset tells. Only asked for stored batches, which are rare.
   */
  private async alreadyCommitted(ref: PartitionRef, stored: StoredBatch): Promise<boolean> {
    const [entry] = await this.consumer.committed([{ topic: ref.topic, partition: ref.partition }], 5000);
    // No committed offset yet reads as null or a negative logical offset.
    const committed = entry?.offset == null ? -1n : BigInt(entry.offset);
    return committed > BigInt(stored.lastOffset);
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

/** Consecutive transient faults per partition, for the back-off before a batch is handed back. */
class FailureCount {
  private readonly counts = new Map<string, number>();

  add(ref: PartitionRef): number {
    const key = `${ref.topic}:${ref.partition}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return count - 1;
  }

  clear(ref: PartitionRef): void {
    this.counts.delete(`${ref.topic}:${ref.partition}`);
  }
}

/** librdkafka's RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS, passed to the rebalance callback on assignment. */
const ASSIGN_PARTITIONS = -175;

/** An output larger than the broker accepts would fail the whole Kafka transaction: fail its record instead. */
function checkSizes(outputs: SerialisedRecord[]): void {
  for (const record of outputs) {
    const bytes = recordBytes(record);
    if (bytes > MAX_RECORD_BYTES)
      throw new OutputRejected(`an output to ${record.topic} is ${bytes} bytes, over ${MAX_RECORD_BYTES}`);
  }
}

const tracer = trace.getTracer('optline-stream');
