import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';

import { Clock, LOGGER, Publisher, emit, inTransaction } from '@optline/platform';

import { DeferralRepository } from './deferral.repository';

const TICK_EVERY_MS = 250;
/**
 * At most this many ticks published and not yet acted on, across instances. It keeps internal.due.v1 short, so a
 * consumer that was away (rebalance, crash) does not come back to a backlog that is then ticked again wholesale,
 * and keeps each due batch's outputs (released messages) well under Kafka's 1 MB request limit.
 */
const MAX_IN_FLIGHT = 400;
/** A tick not acted on by then (lost, or its consumer crashed) is sent again; duplicates are harmless. */
const RETICK_AFTER_MS = 30_000;

/**
 * The release timer of each instance: takes the timers' turn (a transaction advisory lock), claims due deferral
 * rows nobody else holds (`for update skip locked`), publishes a DueTick for each to internal.due.v1 (keyed
 * `tenantId:e164`, so the due consumer of the recipient's partition releases it, exactly once, through the
 * platform) and marks them ticked in the same transaction. A crash before the commit leaves the rows unticked:
 * they are ticked again. A tick that arrives twice finds its row gone and is ignored.
 */
@Injectable()
export class DeferralTimer implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly pool: Pool,
    private readonly publisher: Publisher,
    private readonly clock: Clock,
    private readonly deferrals: DeferralRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.tickDue()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'deferral timer failed; trying again'))
        .finally(() => (this.running = undefined));
    }, TICK_EVERY_MS);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Ticks due rows, up to the in-flight bound; returns how many. */
  async tickDue(): Promise<number> {
    if (this.stopping) return 0;
    return inTransaction(this.pool, async (tx) => {
      if (!(await this.deferrals.takeTimerTurn(tx))) return 0;
      const now = this.clock.now();
      const retickBefore = new Date(now.getTime() - RETICK_AFTER_MS);
      const room = MAX_IN_FLIGHT - (await this.deferrals.inFlight(tx, retickBefore));
      if (room <= 0) return 0;
      const ticks = await this.deferrals.claimDue(tx, now, retickBefore, room);
      await this.publisher.emit(ticks.map((tick) => emit('due', tick)));
      await this.deferrals.markTicked(tx, ticks, now);
      return ticks.length;
    });
  }
}
