import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';

import { LOGGER, Publisher, emit } from '@optline/platform';

import { Poller } from '../common/poller';
import { DELIVERY_CONFIG, type DeliveryConfig } from '../config/delivery.config';
import { SendLedgerRepository } from './send-ledger.repository';

/** A republished round is not republished again for this long, unless it was handled meanwhile. */
const REPUBLISH_GUARD_SECONDS = 30;
const UNMATCHED_RECEIPT_DAYS = 7;

/**
 * Brings parked work back through the stream, so every decision still commits with its outputs:
 * - a message whose retry round is due is republished to internal.released.v1 (the handler attempts it);
 * - an attempt abandoned by a dead process (its lock is free) whose record will not be replayed is republished
 *   too, and reconciled by the handler;
 * - a receipt that arrived before its send was reported is republished to internal.receipts.v1 once it is.
 */
@Injectable()
export class RetrySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly poller: Poller;
  private lastCleanup = 0;

  constructor(
    @Inject(DELIVERY_CONFIG) config: DeliveryConfig,
    private readonly ledger: SendLedgerRepository,
    private readonly publisher: Publisher,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.poller = new Poller('retry-sweeper', config.sweepIntervalMs, () => this.sweep(), logger);
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }

  private async sweep(): Promise<number> {
    const rounds = await this.ledger.republishDue(500, REPUBLISH_GUARD_SECONDS, (due) =>
      this.publisher.emit(due.map(({ payload }) => emit('released', payload))),
    );
    const receipts = await this.ledger.republishMatchedReceipts(500, (matched) =>
      this.publisher.emit(matched.map((receipt) => emit('acceptedReceipts', receipt))),
    );
    if (Date.now() - this.lastCleanup > 3_600_000) {
      this.lastCleanup = Date.now();
      await this.ledger.dropOldUnmatched(UNMATCHED_RECEIPT_DAYS);
    }
    return rounds + receipts;
  }
}
