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
import type { TopicNames } from '@optline/platform';
import {
  TOPICS,
  type AuditEvent,
  type CampaignControl,
  type ClearedItem,
  type MessageOutcome,
  type RecipientEvent,
  type ReleasedItem,
  type ServiceName,
  type WorkMessage,
} from '@optline/domain';

import { campaignKey, recipientKey } from './builders';

function logTail(service: ServiceProcess): string {
  return service
    .output()
    .split('\n')
    .filter((line) => !/partitioner|Limiting retries/.test(line))
    .slice(-20)
    .join('\n');
}

/** Real service processes on the real broker and database, fed through scheduling's input topics. */
export class PipelineHarness {
  readonly services: ServiceProcess[] = [];
  /** Instance ids carry it: the transactional id derives from them, and runs on one broker must not fence each other. */
  private readonly runId = randomSuffix();

  private constructor(
    readonly db: TestDatabase,
    readonly names: TopicNames,
    readonly producer: TestProducer,
    readonly probe: TopicProbe,
  ) {}

  static async start(
    label: string,
    probed: string[] = [TOPICS.released.name, TOPICS.outcomes.name, TOPICS.audit.name],
  ) {
    const db = await createTestDatabase(label);
    const names = await createTestTopics(label);
    const producer = await TestProducer.connect(names);
    const probe = await TopicProbe.start(names, probed);
    return new PipelineHarness(db, names, producer, probe);
  }

  /**
   * Starts a service instance. `instanceId` tells instances apart; the same id again is a restart of that
   * instance, whose transactional producer fences the crashed one's.
   */
  async run(
    service: ServiceName,
    instanceId = `${service}-0`,
    extra: Record<string, string> = {},
  ): Promise<ServiceProcess> {
    const process = startService(service, {
      databaseUrl: this.db.url,
      names: this.names,
      extra: { OPTLINE_INSTANCE_ID: `${instanceId}-${this.runId}`, ...extra },
    });
    this.services.push(process);
    await process.ready();
    return process;
  }

  async clear(...messages: WorkMessage[]): Promise<void> {
    const items: ClearedItem[] = messages.map((message) => ({ kind: 'message', message }));
    for (let start = 0; start < items.length; start += 500) {
      await this.producer.send(TOPICS.cleared.name, items.slice(start, start + 500), recipientKey);
    }
  }

  async recipientEvents(...events: RecipientEvent[]): Promise<void> {
    await this.producer.send(TOPICS.recipientEvents.name, events, recipientKey);
  }

  async campaignControl(...controls: CampaignControl[]): Promise<void> {
    await this.producer.send(TOPICS.campaignControl.name, controls, campaignKey);
  }

  released(): ReleasedItem[] {
    return this.probe.on<ReleasedItem>(TOPICS.released.name);
  }

  releasedIds(): string[] {
    return this.released().map((item) => item.message.messageId);
  }

  outcomes(messageId?: string): MessageOutcome[] {
    const all = this.probe.on<MessageOutcome>(TOPICS.outcomes.name);
    return messageId === undefined ? all : all.filter((outcome) => outcome.messageId === messageId);
  }

  audits(predicate: (event: AuditEvent) => boolean): AuditEvent[] {
    return this.probe.on<AuditEvent>(TOPICS.audit.name).filter(predicate);
  }

  /** Whether scheduling has decided the message (released it or gave an outcome). */
  decided(messageId: string): boolean {
    return this.releasedIds().includes(messageId) || this.outcomes(messageId).length > 0;
  }

  /** Waits for `predicate`; a timeout carries the end of every service's log. */
  async waitFor(predicate: () => boolean, what: string, timeoutMs = 30000): Promise<void> {
    try {
      await this.probe.waitFor(() => predicate(), timeoutMs, what);
    } catch (error) {
      const logs = this.services.map(
        (service) => `${service.service} (pid ${service.child.pid}):\n${logTail(service)}`,
      );
      throw new Error(`${(error as Error).message}\n${logs.join('\n')}`, { cause: error });
    }
  }

  /** Stops every service still running (SIGTERM: each must drain and exit 0), then cleans up. */
  async stop(): Promise<void> {
    const exits = await Promise.all(
      this.services.map(async (service) => {
        const alive = service.child.exitCode === null && service.child.signalCode === null;
        return { service, code: alive ? await service.stop('SIGTERM') : 'stopped' };
      }),
    );
    await this.probe.stop();
    await this.producer.disconnect();
    await this.db.drop();
    const failed = exits.filter(({ code }) => code !== 0 && code !== 'stopped');
    if (failed.length > 0) {
      throw new Error(
        failed
          .map(
            ({ service, code }) =>
              `${service.service} exited ${String(code)}:\n${service.output().slice(-3000)}`,
          )
          .join('\n'),
      );
    }
  }
}
