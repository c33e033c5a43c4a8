import { TOPICS } from '@optline/domain';
import type { TopicNames } from '@optline/platform';
import {
  TestProducer,
  createTestDatabase,
  createTestTopics,
  startService,
  type ServiceProcess,
  type TestDatabase,
} from '@optline/platform/testing';

import { tenantKey } from './builders';

/** An HTTP answer's JSON: arbitrary, checked field by field by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export const KEYS = { demo: 'demo-auditor-key', acme: 'acme-auditor-key', demoProducer: 'demo-producer-key' };

/** One test run of the audit service: its own database and topics, the repo's tenants (demo, acme-eu). */
export class AuditHarness {
  db!: TestDatabase;
  names!: TopicNames;
  producer!: TestProducer;
  service!: ServiceProcess;
  private extra: Record<string, string> = {};

  async setUp(label: string, extra: Record<string, string> = {}): Promise<void> {
    this.extra = extra;
    this.db = await createTestDatabase(label);
    this.names = await createTestTopics(label);
    this.producer = await TestProducer.connect(this.names);
    this.service = startService('audit', { databaseUrl: this.db.url, names: this.names, extra: this.extra });
    await this.service.ready();
  }

  async tearDown(): Promise<void> {
    await this.service?.stop();
    await this.producer?.disconnect();
    await this.db?.drop();
  }

  async produceEvents(events: unknown[]): Promise<void> {
    await this.producer.send(TOPICS.audit.name, events, tenantKey);
  }

  async produceOutcomes(outcomes: unknown[]): Promise<void> {
    await this.producer.send(TOPICS.outcomes.name, outcomes, tenantKey);
  }

  get base(): string {
    return `http://127.0.0.1:${this.service.port}`;
  }

  async get(
    path: string,
    key = KEYS.demo,
    accept = 'application/json',
  ): Promise<{ status: number; body: Json; text: string }> {
    const response = await fetch(`${this.base}${path}`, {
      headers: { Authorization: `Bearer ${key}`, Accept: accept },
    });
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = JSON.parse(text);
    } catch {
      // CSV or empty
    }
    return { status: response.status, body, text };
  }

  /** Polls a GET until `done` holds for its answer. */
  async until(
    path: string,
    done: (answer: { status: number; body: Json }) => boolean,
    what: string,
    timeoutMs = 30000,
    key = KEYS.demo,
  ) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await this.get(path, key);
      if (done(answer)) return answer;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}: last answer ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 3000)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** An audit event as the auditor API returns it: the number only as fingerprint and masked form. */
export interface StoredEvent {
  id: string;
  tenantId: string;
  at: string;
  service: string;
  action: string;
  reason?: string;
  subject: { messageId?: string; campaignId?: string; phoneMasked?: string; phoneFingerprint?: string };
  detail: Record<string, unknown>;
}
