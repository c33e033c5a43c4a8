// A fresh broker creates its consumer-offsets and transaction-state topics on first use, and answers "this
// server does not host this topic-partition" while it does. Joining a group and committing one transaction
// once, before anything else runs, gets that out of the way.
import { randomUUID } from 'node:crypto';

import { brokersFromEnv, createKafka } from './kafka.mjs';

const TIMEOUT_MS = 60_000;

export async function warmUpKafka(brokers = brokersFromEnv()) {
  const kafka = createKafka('optline-warm-up', brokers, {
    retry: { retries: 20, initialRetryTime: 250, maxRetryTime: 5000 },
  });
  const topic = 'optline.warm-up';
  const admin = kafka.admin();
  await admin.connect();
  await admin
    .createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] })
    .catch(() => undefined);
  await admin.disconnect();

  // Ids of this warm-up alone, so two warm-ups at the same moment do not fence each other.
  const id = `optline-warm-up-${randomUUID()}`;
  const producer = kafka.producer({ kafkaJS: { transactionalId: id } });
  await producer.connect();
  const transaction = await producer.transaction();
  await transaction.send({ topic, messages: [{ value: 'warm-up' }] });
  await transaction.commit();
  await producer.disconnect();

  const consumer = kafka.consumer({
    kafkaJS: { groupId: id, fromBeginning: true, autoCommit: false, maxWaitTimeInMs: 100 },
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic] });
  let received;
  const done = new Promise((resolve) => (received = resolve));
  await consumer.run({ eachMessage: async () => received() });
  let timer;
  const timeout = new Promise((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`warm-up: no record came back from ${topic} within ${TIMEOUT_MS} ms`)),
      TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}
