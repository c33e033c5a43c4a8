import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';

import { Clock, LOGGER, Publisher, emit } from '@optline/platform';

import { Poller } from '../common/poller';
import { DELIVERY_CONFIG, type DeliveryConfig } from '../config/delivery.config';
import { SimulatorRepository } from './simulator.repository';

/** Publishes the simulator's due receipts to optline.receipts.v1, as a provider's status webhook would. */
@Injectable()
export class SimulatorReceiptsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly poller: Poller;

  constructor(
    @Inject(DELIVERY_CONFIG) config: DeliveryConfig,
    private readonly store: SimulatorRepository,
    private readonly publisher: Publisher,
    private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    const interval = Math.min(1000, Math.max(50, Math.floor(config.simulator.receiptDelayMs / 2)));
    this.poller = new Poller('simulator-receipts', interval, () => this.publishDue(), logger);
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }

  private publishDue(): Promise<number> {
    return this.store.publishDueReceipts(1000, async (due) => {
      const occurredAt = this.clock.now().toISOString();
      await this.publisher.emit(
        due.map((receipt) =>
          emit('receipts', {
            id: `${receipt.providerMessageId}:${receipt.receiptStatus}`,
            tenantId: receipt.tenantId,
            occurredAt,
            providerMessageId: receipt.providerMessageId,
            status: receipt.receiptStatus,
            ...(receipt.errorCode ? { errorCode: receipt.errorCode } : {}),
          }),
        ),
      );
    });
  }
}
