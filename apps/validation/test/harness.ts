import { randomUUID } from 'node:crypto';

import { Client } from 'pg';

import { TOPICS, type AcceptedInput } from '@optline/domain';
import {
  TestProducer,
  TopicProbe,
  createTestDatabase,
  createTestTopics,
  startService,
  type ServiceProcess,
  type TestDatabase,
} from '@optline/platform/testing';

type TopicNames = Awaited<ReturnType<typeof createTestTopics>>;

/** Validation as a real process on a fresh database and topic namespace, with a producer and a probe. */
export class ValidationHarness {
  service!: ServiceProcess;
  private constructor(
    readonly db: TestDatabase,
    readonly names: TopicNames,
    readonly producer: TestProducer,
    readonly probe: TopicProbe,
  ) {}

  /** `env` adds to the service's environment (OPTLINE_CONFIG for a tenants file of the test's own). */
  static async start(label: string, env: Record<string, string> = {}): Promise<ValidationHarness> {
    const db = await createTestDatabase(label);
    const names = await createTestTopics(label);
    const producer = await TestProducer.connect(names);
    const probe = await TopicProbe.start(names, [
      TOPICS.screened.name,
      TOPICS.outcomes.name,
      TOPICS.audit.name,
      TOPICS.dlq.name,
    ]);
    const harness = new ValidationHarness(db, names, producer, probe);
    await harness.startService(env);
    return harness;
  }

  async startService(env: Record<string, string> = {}): Promise<void> {
    // An instance id of its own: test runs never share (or fence) a transactional producer.
    this.service = startService('validation', {
      databaseUrl: this.db.url,
      names: this.names,
      extra: { OPTLINE_INSTANCE_ID: `test-${this.names.prefix}`, ...env },
    });
    await this.service.ready();
  }

  async stop(): Promise<void> {
    await this.service?.stop();
    await this.probe.stop();
    await this.producer.disconnect();
    await this.db.drop();
  }

  /** Feeds inputs as ingestion would, keyed by tenant and id. */
  async accept(...inputs: AcceptedInput[]): Promise<void> {
    await this.producer.send(TOPICS.accepted.name, inputs, (value) => {
      const input = value as AcceptedInput;
      return `${input.value.tenantId}:${input.value.id}`;
    });
  }

  async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const url = new URL(this.db.url);
    url.searchParams.set('options', '-c search_path=validation');
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  /** Waits until validation's own state shows what a later input depends on (cross-topic order is not fixed). */
  async waitForRow(sql: string, params: unknown[], what: string, timeoutMs = 30000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.query(sql, params)).length === 0) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  outcome(messageId: string): Record<string, unknown> | undefined {
    return this.probe.on(TOPICS.outcomes.name).find((o) => o.messageId === messageId);
  }

  audits(predicate: (event: Record<string, unknown>) => boolean): Array<Record<string, unknown>> {
    return this.probe.on(TOPICS.audit.name).filter(predicate);
  }

  screened(predicate: (item: Record<string, unknown>) => boolean): Array<Record<string, unknown>> {
    return this.probe.on(TOPICS.screened.name).filter(predicate);
  }

  screenedMessage(messageId: string): Record<string, unknown> | undefined {
    const item = this.screened(
      (i) => i.kind === 'message' && (i.message as { messageId: string }).messageId === messageId,
    )[0];
    return item?.message as Record<string, unknown> | undefined;
  }

  /** Waits for the message to be decided: screened on, or blocked. */
  async decided(messageId: string): Promise<void> {
    await this.probe.waitFor(
      () => this.outcome(messageId) !== undefined || this.screenedMessage(messageId) !== undefined,
      30000,
      `a decision on ${messageId}`,
    );
  }
}

export const now = () => new Date().toISOString();

export function accepted<K extends AcceptedInput['kind']>(
  kind: K,
  value: Record<string, unknown>,
  tenantId = 'demo',
): AcceptedInput {
  const id = (value.id as string | undefined) ?? `${kind}-${randomUUID()}`;
  return { kind, receivedAt: now(), value: { id, tenantId, occurredAt: now(), ...value } } as AcceptedInput;
}

export function message(
  id: string,
  to: string,
  extra: Record<string, unknown> = {},
  tenantId = 'demo',
): AcceptedInput {
  return accepted(
    'message',
    { id, to, purpose: 'transactional', body: 'Your code is 1234', ...extra },
    tenantId,
  );
}
