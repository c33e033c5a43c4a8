import type { Pool } from 'pg';

import type { Db } from '../db/database';
import { TransientFault } from './retry-policy';

/** A record ready for Kafka: topic resolved, value serialised. Stored as-is in the outbox. */
export interface SerialisedRecord {
  topic: string;
  key: string;
  value: string;
  headers?: Record<string, string>;
}

/** The outputs of one processed batch, waiting for their Kafka transaction. */
export interface StoredBatch {
  firstOffset: string;
  lastOffset: string;
  outputs: SerialisedRecord[];
}

export interface PartitionRef {
  groupId: string;
  topic: string;
  partition: number;
}

/**
 * The stream outbox: each processed batch's outputs, written in the batch's own PostgreSQL transaction, kept
 * until they are committed to Kafka. One row per batch; a batch of one record is a row of its own, so a
 * record isolated after a failure replays alone.
 */
export class StreamOutbox {
  constructor(private readonly pool: Pool) {}

  /**
   * The stored batch that starts at `firstOffset`, if one was processed but not committed (a crash, a failed
   * commit, a rebalance). Rows behind it are older batches already committed: they are deleted here.
   */
  async pending(db: Db, ref: PartitionRef, firstOffset: string): Promise<StoredBatch | undefined> {
    await db.query(
      `delete from stream_outbox_batch
        where group_id = $1 and topic = $2 and partition = $3 and first_offset < $4`,
      [ref.groupId, ref.topic, ref.partition, firstOffset],
    );
    const { rows } = await db.query<{ last_offset: string; outputs: SerialisedRecord[] }>(
      `select last_offset::text as last_offset, outputs
         from stream_outbox_batch
        where group_id = $1 and topic = $2 and partition = $3 and first_offset = $4
          for update`,
      [ref.groupId, ref.topic, ref.partition, firstOffset],
    );
    const row = rows[0];
    return row && { firstOffset, lastOffset: row.last_offset, outputs: row.outputs };
  }

  /** Stores a batch's outputs. A second instance storing the same batch fails on the key and retries. */
  async store(db: Db, ref: PartitionRef, batch: StoredBatch): Promise<void> {
    await db
      .query(
        `insert into stream_outbox_batch (group_id, topic, partition, first_offset, last_offset, outputs)
       values ($1, $2, $3, $4, $5, $6::jsonb)`,
        [
          ref.groupId,
          ref.topic,
          ref.partition,
          batch.firstOffset,
          batch.lastOffset,
          JSON.stringify(batch.outputs),
        ],
      )
      .catch((error: Error & { code?: string }) => {
        // Another instance held this partition a moment ago and stored the same batch: replay its outputs.
        if (error.code === '23505') throw new TransientFault('batch stored by another instance', error);
        throw error;
      });
  }

  /** Once committed to Kafka the stored outputs are never needed again; they may hold personal data. */
  async committed(ref: PartitionRef, lastOffset: string): Promise<void> {
    await this.pool
      .query(
        `delete from stream_outbox_batch
          where group_id = $1 and topic = $2 and partition = $3 and first_offset <= $4`,
        [ref.groupId, ref.topic, ref.partition, lastOffset],
      )
      .catch(() => undefined);
  }
}
