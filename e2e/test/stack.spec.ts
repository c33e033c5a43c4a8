import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SERVICES, TOPICS } from '@optline/domain';
import {
  TestProducer,
  TopicProbe,
  createTestDatabase,
  createTestTopics,
  startService,
  testKafka,
  type ServiceProcess,
  type TestDatabase,
} from '@optline/platform/testing';

jest.setTimeout(180000);

describe('the stack', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('stack');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('brings all six services to ready, and each exits within 10 s of SIGTERM with its offsets committed', async () => {
    const names = await createTestTopics('stack');
    const services: ServiceProcess[] = SERVICES.map((service) =>
      startService(service, { databaseUrl: db.url, names }),
    );
    try {
      await Promise.all(services.map((service) => service.ready()));
      for (const service of services) {
        const health = await fetch(`http://127.0.0.1:${service.port}/health/ready`);
        expect(await health.json()).toMatchObject({
          status: 'ok',
          info: { postgresql: {}, kafka: {}, consumers: {} },
        });
        const live = await fetch(`http://127.0.0.1:${service.port}/health/live`);
        expect(live.status).toBe(200);
        const metrics = await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text();
        expect(metrics).toContain('optline_messages_in_total');
      }

      // Records ingestion must consume (and dead-letter) before it is stopped.
      const producer = await TestProducer.connect(names);
      const probe = await TopicProbe.start(names, [TOPICS.dlq.name]);
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      await producer.send(
        TOPICS.messages.name,
        Array.from({ length: 30 }, (_, i) => `{"broken": ${i}`),
        () => 'k',
        {
          traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
        },
      );
      await probe.waitFor((p) => p.on(TOPICS.dlq.name).length >= 30, 60000, '30 dead letters');
      // The producer's trace is continued: the dead letters carry the same W3C trace id.
      const letter = probe.records.find((record) => record.topic === TOPICS.dlq.name);
      expect(letter?.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-0[01]$`));
      await producer.disconnect();
      await probe.stop();

      for (const service of services) {
        const started = Date.now();
        const code = await service.stop('SIGTERM');
        const took = Date.now() - started;
        expect({ service: service.service, code, withinTenSeconds: took < 10000 }).toEqual({
          service: service.service,
          code: 0,
          withinTenSeconds: true,
        });
      }

      const admin = testKafka().admin();
      await admin.connect();
      const topic = names.actual(TOPICS.messages.name);
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({
        groupId: names.actual('optline-ingestion'),
        topics: [topic],
      });
      await admin.disconnect();
      const byPartition = new Map(committed!.partitions.map((p) => [p.partition, p.offset]));
      for (const end of ends) {
        // A partition the group never committed on reads as missing or -1.
        const done = byPartition.get(end.partition) ?? '-1';
        expect({
          partition: end.partition,
          committed: done === '-1' && end.high === '0' ? '0' : done,
        }).toEqual({
          partition: end.partition,
          committed: end.high,
        });
      }
    } finally {
      await Promise.all(services.map((service) => service.stop('SIGKILL')));
    }
  });

  it.each([
    ['a missing id', 'tenants:\n  - { defaultCountry: US, senderId: D, helpText: H }\n', 'tenants.0.id'],
    [
      'an unknown role',
      `tenants:\n  - id: demo\n    defaultCountry: US\n    senderId: D\n    helpText: H\n    apiKeys:\n      - { role: admin, sha256: ${'a'.repeat(64)} }\n`,
      'tenants.0.apiKeys.0.role',
    ],
  ])('a tenants file with %s stops start-up with a message naming the field', async (_, yaml, field) => {
    const file = join(mkdtempSync(join(tmpdir(), 'optline-')), 'bad.yaml');
    writeFileSync(file, yaml);
    const names = await createTestTopics('badcfg');
    const service = startService('ingestion', {
      databaseUrl: db.url,
      names,
      extra: { OPTLINE_CONFIG: file },
    });
    const code = await service.exited;
    expect(code).toBe(78);
    expect(service.output()).toContain(`${field}:`);
  });
});
