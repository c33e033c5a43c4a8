import { SERVICES, TOPICS, type MessageOutcome, type ServiceName } from '@optline/domain';
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

/** The six services as separate processes on a fresh database and topic namespace, and probes on the outputs. */
export class Stack {
  readonly services = new Map<ServiceName, ServiceProcess>();
  producer!: TestProducer;
  probe!: TopicProbe;
  names!: TopicNames;
  private db!: TestDatabase;

  async start(extraEnv: Record<string, string> = {}): Promise<void> {
    this.db = await createTestDatabase('e2e');
    this.names = await createTestTopics('e2e');
    this.extraEnv = extraEnv;
    for (const service of SERVICES) this.launch(service);
    await Promise.all([...this.services.values()].map((service) => service.ready(120000)));
    this.producer = await TestProducer.connect(this.names);
    this.probe = await TopicProbe.start(this.names, [
      TOPICS.outcomes.name,
      TOPICS.audit.name,
      TOPICS.dlq.name,
    ]);
  }

  private extraEnv: Record<string, string> = {};

  launch(service: ServiceName): ServiceProcess {
    const process = startService(service, {
      databaseUrl: this.db.url,
      names: this.names,
      port: this.services.get(service)?.port,
      extra: { OPTLINE_SIMULATOR_LATENCY_MS: '20', ...this.extraEnv },
    });
    this.services.set(service, process);
    return process;
  }

  /** SIGKILLs a service and starts it again on the same port. */
  async kill(service: ServiceName): Promise<void> {
    await this.services.get(service)!.stop('SIGKILL');
    await this.launch(service).ready(120000);
  }

  url(service: ServiceName, path: string): string {
    return `http://127.0.0.1:${this.services.get(service)!.port}${path}`;
  }

  async stop(): Promise<void> {
    await this.probe?.stop();
    await this.producer?.disconnect();
    await Promise.all([...this.services.values()].map((service) => service.stop('SIGTERM')));
    await this.db?.drop();
  }

  send(topic: keyof typeof TOPICS, values: Array<Record<string, unknown>>): Promise<void> {
    return this.producer.send(TOPICS[topic].name, values, (value) => {
      const v = value as Record<string, string>;
      return `${v.tenantId}:${v.id}`;
    });
  }

  outcomes(messageId: string): MessageOutcome[] {
    return this.probe
      .on<MessageOutcome>(TOPICS.outcomes.name)
      .filter((outcome) => outcome.messageId === messageId);
  }

  /** Waits until the message has an outcome with `status` (and returns it). */
  async outcome(messageId: string, status: string, timeoutMs = 60000): Promise<MessageOutcome> {
    await this.probe.waitFor(
      () => this.outcomes(messageId).some((outcome) => outcome.status === status),
      timeoutMs,
      `${messageId} to be ${status} (has ${JSON.stringify(this.outcomes(messageId).map((o) => [o.status, o.reason]))})`,
    );
    return this.outcomes(messageId).find((outcome) => outcome.status === status)!;
  }
}

let counter = 0;
/** Ids unique across runs. */
export function uniqueId(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}`;
}

export const now = () => new Date().toISOString();
export const ago = (minutes: number) => new Date(Date.now() - minutes * 60000).toISOString();
export const fromNow = (minutes: number) => new Date(Date.now() + minutes * 60000).toISOString();
