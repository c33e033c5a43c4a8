import { IsolationLevel, type KafkaJS } from '@confluentinc/kafka-javascript';

import type { StreamMetrics } from '../telemetry/metrics';
import type { TopicNames } from './kafka';

interface PartitionState {
  topic: string;
  partition: number;
  /** When this partition last committed, or was assigned. */
  progressAt: number;
  /** Records behind the partition end, from the last lag check; undefined until one succeeded. */
  lag?: number;
}

/**
 * Whether the stream moves: the consumer has joined its group, and no assigned partition has lag while having
 * committed nothing for `stallTimeoutMs`. Lag is read on a timer (committed offset against the partition's
 * end), so a stuck consumer shows current lag, not the lag after its last batch. When the lag cannot be read
 * (broker unreachable), a partition counts as lagging.
 */
export class ConsumerHealth {
  private joined = false;
  private readonly partitions = new Map<string, PartitionState>();
  private lagCheckedAt = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly stallTimeoutMs: number,
    private readonly names: TopicNames,
    private readonly metrics: StreamMetrics,
  ) {}

  get ready(): boolean {
    const stalled = this.stalledPartitions() > 0;
    this.metrics.stalled.set(stalled ? 1 : 0);
    return this.joined && !stalled;
  }

  assigned(assignment: KafkaJS.TopicPartition[]): void {
    this.joined = true;
    const now = Date.now();
    for (const { topic, partition } of assignment) {
      this.partitions.set(`${topic}:${partition}`, { topic, partition, progressAt: now });
    }
  }

  revoked(assignment: KafkaJS.TopicPartition[]): void {
    for (const { topic, partition } of assignment) this.partitions.delete(`${topic}:${partition}`);
  }

  left(): void {
    this.joined = false;
    this.partitions.clear();
  }

  committed(topic: string, partition: number): void {
    const state = this.partitions.get(`${topic}:${partition}`);
    if (state) state.progressAt = Date.now();
  }

  /** Reads every assigned partition's lag now and then, until `stop`. */
  watch(consumer: KafkaJS.Consumer, admin: KafkaJS.Admin, everyMs: number): void {
    const check = async () => {
      try {
        await this.checkLag(consumer, admin);
      } catch {
        // Unreachable broker: the lag stays unknown and `ready` reports the stall once it lasts.
      }
      this.timer = setTimeout(() => void check(), everyMs);
      this.timer.unref();
    };
    this.timer = setTimeout(() => void check(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private async checkLag(consumer: KafkaJS.Consumer, admin: KafkaJS.Admin): Promise<void> {
    const states = [...this.partitions.values()];
    if (states.length === 0) return;
    const committed = await consumer.committed(
      states.map(({ topic, partition }) => ({ topic, partition })),
      5000,
    );
    const ends = new Map<string, number>();
    for (const topic of new Set(states.map((state) => state.topic))) {
      for (const offsets of await admin.fetchTopicOffsets(topic, {
        timeout: 5000,
        isolationLevel: IsolationLevel.READ_COMMITTED,
      })) {
        ends.set(`${topic}:${offsets.partition}`, Number(offsets.high));
      }
    }
    for (const entry of committed) {
      const key = `${entry.topic}:${entry.partition}`;
      const state = this.partitions.get(key);
      const end = ends.get(key);
      if (!state || end === undefined) continue;
      const position = Number(entry.offset);
      // No committed offset yet: the group reads from the partition's start, so the whole partition is lag.
      state.lag = Math.max(0, end - (position >= 0 ? position : 0));
      this.metrics.consumerLag.set(
        { topic: this.names.canonical(entry.topic), partition: String(entry.partition) },
        state.lag,
      );
    }
    this.lagCheckedAt = Date.now();
  }

  private stalledPartitions(): number {
    const now = Date.now();
    const lagFresh = now - this.lagCheckedAt < this.stallTimeoutMs;
    let stalled = 0;
    for (const state of this.partitions.values()) {
      // A transaction's commit marker takes an offset of its own after the last record: an idle partition
      // written by transactions stays one behind its end.
      const lagging = !lagFresh || state.lag === undefined || state.lag > 1;
      if (lagging && now - state.progressAt > this.stallTimeoutMs) stalled++;
    }
    return stalled;
  }
}
