import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import { TOPICS } from '@optline/domain';
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

export const PRODUCER_KEY = 'test-producer-key';
export const SECOND_PRODUCER_KEY = 'test-producer-key-2';
export const AUDITOR_KEY = 'test-auditor-key';
export const ACME_KEY = 'test-acme-producer-key';

const sha = (key: string) => createHash('sha256').update(key).digest('hex');

/** Tenants of the tests: demo (US, no country limit) with two producer keys, and acme-eu (EU countries only). */
export function writeTenantsFile(): string {
  const path = join(tmpdir(), `optline-ingestion-test-${process.pid}-${Date.now()}.yaml`);
  writeFileSync(
    path,
    `tenants:
  - id: demo
    defaultCountry: US
    senderId: Demo
    helpText: Help
    apiKeys:
      - { role: producer, sha256: ${sha(PRODUCER_KEY)} }
      - { role: producer, sha256: ${sha(SECOND_PRODUCER_KEY)} }
      - { role: auditor, sha256: ${sha(AUDITOR_KEY)} }
  - id: acme-eu
    defaultCountry: FR
    allowedCountries: [FR, DE]
    senderId: Acme
    helpText: Aide
    apiKeys:
      - { role: producer, sha256: ${sha(ACME_KEY)} }
`,
  );
  return path;
}

export const PROBED = [
  TOPICS.accepted.name,
  TOPICS.acceptedReceipts.name,
  TOPICS.campaignControl.name,
  TOPICS.audit.name,
  TOPICS.dlq.name,
  TOPICS.messages.name,
  TOPICS.contacts.name,
];

/** Ingestion as a real process on a fresh database and topic namespace. */
export class IngestionHarness {
  service!: ServiceProcess;
  private constructor(
    readonly db: TestDatabase,
    readonly names: TopicNames,
    readonly producer: TestProducer,
    readonly probe: TopicProbe,
    readonly configFile: string,
  ) {}

  static async start(
    label: string,
    env: Record<string, string> = {},
    probed = PROBED,
  ): Promise<IngestionHarness> {
    const db = await createTestDatabase(label);
    const names = await createTestTopics(label);
    const producer = await TestProducer.connect(names);
    const probe = await TopicProbe.start(names, probed);
    const harness = new IngestionHarness(db, names, producer, probe, writeTenantsFile());
    await harness.startService(env);
    return harness;
  }

  async startService(env: Record<string, string> = {}): Promise<void> {
    this.service = startService('ingestion', {
      databaseUrl: this.db.url,
      names: this.names,
      extra: { OPTLINE_CONFIG: this.configFile, OPTLINE_INSTANCE_ID: `test-${this.names.prefix}`, ...env },
    });
    await this.service.ready();
  }

  get url(): string {
    return `http://127.0.0.1:${this.service.port}`;
  }

  async stop(): Promise<void> {
    await this.service?.stop();
    await this.probe.stop();
    await this.producer.disconnect();
    await this.db.drop();
  }

  async post(path: string, body: unknown, options: { key?: string | null; contentType?: string } = {}) {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
    const key = options.key === undefined ? PRODUCER_KEY : options.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body: json, text };
  }

  accepted(): Array<{ kind: string; receivedAt: string; value: Record<string, unknown> }> {
    return this.probe.on(TOPICS.accepted.name);
  }

  acceptedIds(kind?: string): string[] {
    return this.accepted()
      .filter((input) => kind === undefined || input.kind === kind)
      .map((input) => String(input.value.id));
  }

  audits(action: string): Array<Record<string, unknown>> {
    return this.probe.on(TOPICS.audit.name).filter((event) => event.action === action);
  }

  async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const url = new URL(this.db.url);
    url.searchParams.set('options', '-c search_path=ingestion');
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
}

export const sendRequest = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  occurredAt: '2026-11-28T10:00:00Z',
  to: '+12125550123',
  purpose: 'transactional',
  body: 'Your code is 1234',
  ...extra,
});
