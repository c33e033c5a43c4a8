import { toOutRecord, type Emit, type Publisher } from '@optline/platform';

/** Keeps each produce request well under the broker's default 1 MiB batch limit. */
export const MAX_CHUNK_BYTES = 512 * 1024;

/**
 * Publishes in order, in produce requests of at most MAX_CHUNK_BYTES of values, each acknowledged by Kafka
 * (acks=all) before the next. If a chunk fails, earlier chunks are already on Kafka: the caller answers with an
 * error and the producer retries the whole request; the ids that made it are then recognised and dropped.
 */
export async function publishInChunks(publisher: Publisher, records: Emit[]): Promise<void> {
  let chunk: Emit[] = [];
  let bytes = 0;
  for (const record of records) {
    const { key, value } = toOutRecord(record);
    const size = Buffer.byteLength(JSON.stringify(value)) + key.length;
    if (chunk.length > 0 && bytes + size > MAX_CHUNK_BYTES) {
      await publisher.emit(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(record);
    bytes += size;
  }
  await publisher.emit(chunk);
}
