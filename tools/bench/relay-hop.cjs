// One hop of the benchmark's relay: consumes one topic and produces every record unchanged to the next,
// through the same stream processor the services use (PostgreSQL outbox + Kafka transaction), no logic.
const { join } = require('node:path');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { z } = require('zod');

const platform = require('../../packages/platform/dist/index.js');

async function main() {
  const { DATABASE_URL, KAFKA_BROKERS, HOP, FROM_TOPIC, TO_TOPIC } = process.env;
  const schema = `relay${HOP}`;
  await platform.migrate(DATABASE_URL, schema, mkdtempSync(join(tmpdir(), 'relay-')));
  const pool = platform.createPool(platform.withSearchPath(DATABASE_URL, schema));
  const logger = platform.createLogger(`relay-${HOP}`, 'warn');
  const kafka = platform.createKafka(`relay-${HOP}`, KAFKA_BROKERS.split(','), logger);
  const processor = new platform.StreamProcessor({
    kafka,
    pool,
    names: new platform.TopicNames(''),
    groupId: `relay-${HOP}-${FROM_TOPIC}`,
    instanceId: '0',
    logger,
    metrics: new platform.StreamMetrics(`relay-${HOP}`),
    handlers: [
      {
        topic: { name: FROM_TOPIC, schema: z.unknown(), direction: 'internal', key: '' },
        async handle(records) {
          return records.map((record) => ({ topic: TO_TOPIC, key: record.key ?? '', value: record.value }));
        },
      },
    ],
  });
  await processor.start();
  process.stdout.write('ready\n');
  process.on('SIGTERM', async () => {
    await processor.stop();
    await pool.end();
    process.exit(0);
  });
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
