import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';

import { TOPICS, type ContactUpsert } from '@optline/domain';
import { Clock, LOGGER, type Emit, type StreamContext, type StreamRecord } from '@optline/platform';

import { INGESTION_CONFIG, type IngestionConfig } from '../config/ingestion.config';
import { TenantNumbersService } from '../tenant-numbers/tenant-numbers.service';
import { duplicateAudit, forwardInput, type InputTopic, type InputValue } from './forwarding';
import { IntakeRepository, idKey } from './intake.repository';

const DAY_MS = 86_400_000;

/**
 * Idempotency and forwarding for the six input topics. Records reach here already checked against their
 * schema and tenant by the platform (bad ones are dead-lettered). The HTTP API publishes to the same topics,
 * so this is the only place an input is accepted: one idempotency store, one forwarding path.
 */
@Injectable()
export class IntakeService implements OnApplicationBootstrap, OnModuleDestroy {
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    private readonly repository: IntakeRepository,
    private readonly numbers: TenantNumbersService,
    private readonly clock: Clock,
    @Inject(INGESTION_CONFIG) private readonly config: IngestionConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Forwards each record whose (tenant, topic, id) is new; a seen-before id (earlier, or earlier in this
   * batch) is dropped with an `input.duplicate` audit event. The ids are stored in the batch's transaction,
   * so they commit together with the forwarded records.
   */
  async accept(
    topic: InputTopic,
    records: Array<StreamRecord<InputValue<InputTopic>>>,
    ctx: StreamContext,
  ): Promise<Emit[]> {
    const first = new Map<string, StreamRecord<InputValue<InputTopic>>>();
    for (const record of records) {
      const key = idKey(record.value.tenantId, record.value.id);
      if (!first.has(key)) first.set(key, record);
    }
    const ids = [...first.values()].map((record) => ({
      tenantId: record.value.tenantId,
      id: record.value.id,
    }));
    const fresh = await this.repository.claim(ctx.db, TOPICS[topic].name, ids, ctx.now);

    const outputs: Emit[] = [];
    const contacts: ContactUpsert[] = [];
    for (const record of records) {
      const key = idKey(record.value.tenantId, record.value.id);
      if (first.get(key) === record && fresh.has(key)) {
        outputs.push(forwardInput(topic, record.value, ctx.now));
        if (topic === 'contacts') contacts.push(record.value as ContactUpsert);
      } else {
        outputs.push(
          duplicateAudit(
            { topic, value: record.value, partition: record.partition, offset: record.offset },
            ctx.now,
          ),
        );
      }
    }
    await this.numbers.recordForwardedContacts(ctx.db, contacts, ctx.now);
    return outputs;
  }

  onApplicationBootstrap(): void {
    const every = this.config.idempotencyPruneMinutes * 60_000;
    this.pruneTimer = setInterval(() => void this.prune(), every);
    this.pruneTimer.unref();
    void this.prune();
  }

  onModuleDestroy(): void {
    clearInterval(this.pruneTimer);
  }

  /** Forgets ids older than the retention window, bounding the store (a later re-submission is accepted). */
  async prune(): Promise<void> {
    const before = new Date(this.clock.now().getTime() - this.config.idempotencyRetentionDays * DAY_MS);
    try {
      const removed = await this.repository.prune(before);
      if (removed > 0) this.logger.info({ removed, before }, 'pruned input ids past the idempotency window');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not prune input ids; will try again');
    }
  }
}
