import {
  TestProducer,
  TopicProbe,
  createTestDatabase,
  createTestTopics,
  randomSuffix,
  startService,
  type ServiceProcess,
  type TestDatabase,
} from '@optline/platform/testing';
import {
  TOPICS,
  type AuditEvent,
  type ClearedItem,
  type MessageOutcome,
  type RecipientEvent,
} from '@optline/domain';

import { screenedKey } from './builders';

export function logTail(service: ServiceProcess): string {
  return service
    .output()
    .split('\n')
    .filter((line) => !/partitioner|Limiting retries/.test(line))
    .slice(-30)
    .join('\n');
}

/** The consent service as a real process on the real broker and database, with a probe on its outputs. */
export class ConsentHarness {
  private constructor(
    readonly db: TestDatabase,
    readonly producer: TestProducer,
    readonly probe: TopicProbe,
    readonly service: ServiceProcess,
  ) {}

  /** `env` adds to the service's environment (OPTLINE_CONFIG for a tenants file of the test's own). */
  static async start(label: string, env: Record<string, string> = {}): Promise<ConsentHarness> {
    const db = await createTestDatabase(label);
    const names = await createTestTopics(label);
    const producer = await TestProducer.connect(names);
    const probe = await TopicProbe.start(names, [
      TOPICS.cleared.name,
      TOPICS.recipientEvents.name,
      TOPICS.outcomes.name,
      TOPICS.audit.name,
      TOPICS.dlq.name,
    ]);
    // A run-unique instance id: the transactional id derives from it, and runs on one broker must not fence each other.
    const service = startService('consent', {
      databaseUrl: db.url,
      names,
      extra: { OPTLINE_INSTANCE_ID: `consent-${randomSuffix()}`, ...env },
    });
    await service.ready();
    return new ConsentHarness(db, producer, probe, service);
  }

  async screen(...items: unknown[]): Promise<void> {
    await this.producer.send(TOPICS.screened.name, items, screenedKey);
  }

  cleared(): ClearedItem[] {
    return this.probe.on<ClearedItem>(TOPICS.cleared.name);
  }

  recipientEvents(e164: string): RecipientEvent[] {
    return this.probe.on<RecipientEvent>(TOPICS.recipientEvents.name).filter((event) => event.e164 === e164);
  }

  outcomes(messageId: string): MessageOutcome[] {
    return this.probe
      .on<MessageOutcome>(TOPICS.outcomes.name)
      .filter((outcome) => outcome.messageId === messageId);
  }

  audits(predicate: (event: AuditEvent) => boolean): AuditEvent[] {
    return this.probe.on<AuditEvent>(TOPICS.audit.name).filter(predicate);
  }

  /** Waits for `predicate`; a timeout carries the end of the service's log. */
  async waitFor(predicate: () => boolean, what: string, timeoutMs = 30000): Promise<void> {
    try {
      await this.probe.waitFor(() => predicate(), timeoutMs, what);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nconsent log:\n${logTail(this.service)}`, {
        cause: error,
      });
    }
  }

  async stop(): Promise<void> {
    const exit = await this.service.stop('SIGTERM');
    await this.probe.stop();
    await this.producer.disconnect();
    await this.db.drop();
    if (exit !== 0)
      throw new Error(`consent exited with ${String(exit)}:\n${this.service.output().slice(-4000)}`);
  }
}
