import type { OutRecord, Publisher } from '@optline/platform';

/** Keeps each produce request well under the broker's default 1 MiB batch limit. */
export const MAX_CHUNK_BYTES = 512 * 1024;

/**
 * Publishes in order, in produce requests of at most MAX_CHUNK_BYTES of values, each acknowledged by Kafka
 * (acks=all) before the next. If a chunk fails, earlier chunks are already on Kafka: the caller answers with an
 * error and the producer retries the whole request; the ids that made it are then recognised and dropped.
 */
export async function publishInChunks(publisher: Publisher, records: OutRecord[]): Promise<void> {
  let chunk: OutRecord[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = Buffer.byteLength(JSON.stringify(record.value)) + record.key.length;
    if (chunk.length > 0 && bytes + size > MAX_CHUNK_BYTES) {
      await publisher.send(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(record);
    bytes += size;
  }
  await publisher.send(chunk);
}
