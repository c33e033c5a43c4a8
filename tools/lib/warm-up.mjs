// A fresh broker creates its consumer-offsets and transaction-state topics on first use, and answers "this
// server does not host this topic-partition" while it does. Joining a group and committing one transaction
// once, before anything else runs, gets that out of the way.
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

export async function warmUpKafka(brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')) {
  const kafka = new Kafka({
    clientId: 'optline-warm-up',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 20, initialRetryTime: 250, maxRetryTime: 5000 },
  });
  const topic = 'optline.warm-up';
  const admin = kafka.admin();
  await admin.connect();
  await admin
    .createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] })
    .catch(() => undefined);
  await admin.disconnect();

  const producer = kafka.producer({
    transactionalId: 'optline-warm-up',
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  const transaction = await producer.transaction();
  await transaction.send({ topic, messages: [{ value: 'warm-up' }] });
  await transaction.commit();
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId: 'optline-warm-up', maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let received;
  const done = new Promise((resolve) => (received = resolve));
  await consumer.run({ eachMessage: async () => received() });
  await done;
  await consumer.disconnect();
}
