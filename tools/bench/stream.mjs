// The benchmark's Kafka side: topics, a driver that produces a load and waits for it to settle, a reader of
// results, and a check that every consumer group has caught up.
import { setTimeout as sleep } from 'node:timers/promises';

import { createKafka, createProducer, untilAssigned } from '../lib/kafka.mjs';
import { log } from './settings.mjs';

export const kafka = createKafka('optline-bench');
export const producer = () => createProducer(kafka);

/** Creates `topics` and waits until every partition has a leader. */
export async function createTopics(topics, partitions) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const metadata = await admin.fetchTopicMetadata({ topics }).catch(() => []);
      const served = metadata.filter((t) => t.partitions.every((p) => p.leader >= 0)).length;
      if (served === topics.length) return;
      if (Date.now() > deadline) throw new Error(`topics without leaders after 30 s: ${topics.join(', ')}`);
      await sleep(100);
    }
  } finally {
    await admin.disconnect();
  }
}

/** Reads `topic` from its start and calls `onRecord(value, timestampMs, nowMs)` for each record. */
export async function readTopic(topic, onRecord) {
  const consumer = kafka.consumer({
    kafkaJS: {
      groupId: `bench-${Date.now()}-${Math.random()}`,
      fromBeginning: true,
      autoCommit: false,
      maxWaitTimeInMs: 50,
    },
    'js.consumer.max.batch.size': 500,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic] });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      for (const message of batch.messages)
        onRecord(JSON.parse(message.value.toString()), Number(message.timestamp), now);
    },
  });
  await untilAssigned(consumer);
  return consumer;
}

/**
 * Produces `total` messages, made `make(count)` at a time just before they go (so each is stamped when it is
 * offered), as fast as the producer takes them or paced at `rate` per second, remembering when each was sent.
 * Resolves once `settled` holds every one of them, or once none has settled for `stallMs` (they then count as
 * never settled). `settled` is filled by a reader of the results (readTopic).
 */
export async function drive({ producer, topic, total, make, keyOf, rate, settled, stallMs = 30_000 }) {
  const sentAt = new Map();
  const started = Date.now();
  const batchSize = rate ? Math.max(1, Math.round(rate / 20)) : 500;
  for (let offered = 0; offered < total;) {
    const batch = make(Math.min(batchSize, total - offered));
    const now = Date.now();
    for (const message of batch) sentAt.set(message.id, now);
    await producer.send({
      topic,
      messages: batch.map((m) => ({ key: keyOf(m), value: JSON.stringify(m) })),
    });
    offered += batch.length;
    if (rate) {
      const due = started + (offered / rate) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
    }
  }
  const producedIn = Date.now() - started;
  const pending = new Set(sentAt.keys());
  let progressAt = Date.now();
  for (;;) {
    const before = pending.size;
    for (const id of pending) if (settled.has(id)) pending.delete(id);
    if (pending.size === 0) break;
    if (pending.size < before) progressAt = Date.now();
    else if (Date.now() - progressAt > stallMs) {
      log(`${pending.size} of ${total} never settled (nothing settled for ${stallMs / 1000} s)`);
      break;
    }
    await sleep(100);
  }
  return { sentAt, started, producedIn };
}

/**
 * Waits until the consumer groups `groups` have caught up on the topics under `prefix`. A group whose last
 * records were transactional never reaches the end offset exactly (commit markers take offsets of their
 * own that no consumer sees), so a stream also counts as caught up once no offset has moved for 3 s.
 * `onQuiet` is called at each look that finds nothing left or nothing moving after one that did not: its
 * last call is about when the work ended, not 3 s after.
 */
export async function waitUntilIdle(prefix, groups, { timeoutMs = 300_000, onQuiet = () => undefined } = {}) {
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + timeoutMs;
  let previous;
  let quiet = 0;
  try {
    while (quiet < 3 && Date.now() < deadline) {
      let lag = 0;
      const offsets = [];
      for (const groupId of groups) {
        const committed = await admin.fetchOffsets({ groupId });
        for (const { topic, partitions } of committed) {
          if (!topic.startsWith(prefix)) continue;
          for (const end of await admin.fetchTopicOffsets(topic)) {
            const done = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
            lag += Number(end.high) - Math.max(done, 0);
            offsets.push(`${groupId}/${topic}/${end.partition}:${done}/${end.high}`);
          }
        }
      }
      const snapshot = offsets.join(' ');
      quiet = lag === 0 || snapshot === previous ? quiet + 1 : 0;
      if (quiet === 1) onQuiet();
      previous = snapshot;
      if (quiet < 3) await sleep(1000);
    }
  } finally {
    await admin.disconnect();
  }
}
