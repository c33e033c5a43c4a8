import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TOPICS } from '@optline/domain';
import type { TopicNames } from '@optline/platform';
import {
  TestProducer,
  TopicProbe,
  createTestDatabase,
  createTestTopics,
  startService,
  type ServiceProcess,
  type TestDatabase,
} from '@optline/platform/testing';

import { ACCOUNT_SID, AUTH_TOKEN, FROM, TwilioFake } from './twilio-fake';

/** Tenant `demo` sends through Twilio (the fake), tenant `acme-eu` through the simulator. */
const TENANTS = `
tenants:
  - id: demo
    defaultCountry: US
    senderId: Optline Demo
    helpText: Help text
    policy: { provider: twilio }
  - id: acme-eu
    defaultCountry: FR
    senderId: Acme
    helpText: Aide
`;

export interface Outcome {
  messageId: string;
  tenantId: string;
  status: string;
  reason?: string;
  to?: string;
  providerMessageId?: string;
  detail?: Record<string, unknown>;
}

/** One test run's broker namespace, database, fake provider and probes; the service is started per test. */
export class DeliveryHarness {
  db!: TestDatabase;
  names!: TopicNames;
  producer!: TestProducer;
  probe!: TopicProbe;
  readonly twilio = new TwilioFake();
  private configFile = '';
  private running: ServiceProcess[] = [];

  async setUp(label: string): Promise<void> {
    await this.twilio.start();
    this.db = await createTestDatabase(label);
    this.names = await createTestTopics(label);
    this.producer = await TestProducer.connect(this.names);
    this.probe = await TopicProbe.start(this.names, [
      TOPICS.outcomes.name,
      TOPICS.audit.name,
      TOPICS.deliveryEvents.name,
      TOPICS.receipts.name,
    ]);
    const folder = mkdtempSync(join(tmpdir(), 'optline-delivery-'));
    this.configFile = join(folder, 'optline.yaml');
    writeFileSync(this.configFile, TENANTS);
  }

  async tearDown(): Promise<void> {
    for (const service of this.running) await service.stop('SIGKILL');
    await this.probe?.stop();
    await this.producer?.disconnect();
    await this.db?.drop();
    await this.twilio.stop();
  }

  start(extra: Record<string, string> = {}): ServiceProcess {
    const service = startService('delivery', {
      databaseUrl: this.db.url,
      names: this.names,
      extra: {
        OPTLINE_CONFIG: this.configFile,
        TWILIO_BASE_URL: this.twilio.url,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_FROM: FROM,
        OPTLINE_RATE_TWILIO_PER_SECOND: '100000',
        // A parked round comes back after 0.75-1.5 s: time enough for a test to act between rounds.
        OPTLINE_DELIVERY_RETRY_INITIAL_MS: '1500',
        OPTLINE_DELIVERY_RETRY_MAX_MS: '3000',
        OPTLINE_PROVIDER_TIMEOUT_MS: '3000',
        // The circuit opens after 5 failures in a row (default) and tries again after 1 s instead of 5.
        OPTLINE_BREAKER_HALF_OPEN_MS: '1000',
        OPTLINE_SIMULATOR_RECEIPT_DELAY_MS: '200',
        OPTLINE_DELIVERY_SWEEP_MS: '100',
        ...extra,
      },
    });
    this.running.push(service);
    return service;
  }

  outcomes(messageId?: string): Outcome[] {
    const all = this.probe.on<Outcome>(TOPICS.outcomes.name);
    return messageId === undefined ? all : all.filter((o) => o.messageId === messageId);
  }

  async waitForOutcome(messageId: string, status: string, timeoutMs = 30000): Promise<Outcome> {
    await this.probe.waitFor(
      (p) =>
        p.on<Outcome>(TOPICS.outcomes.name).some((o) => o.messageId === messageId && o.status === status),
      timeoutMs,
      `${status} outcome of ${messageId}`,
    );
    return this.outcomes(messageId).find((o) => o.status === status)!;
  }
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
