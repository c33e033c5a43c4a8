import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { TenantNumbersService } from './tenant-numbers.service';

/** Keeps ingestion's view of suppressed and erased numbers current, for the CSV import's cleaning. */
@Controller()
export class TenantNumbersConsumer {
  constructor(private readonly numbers: TenantNumbersService) {}

  @Consumes('deliveryEvents')
  async deliveryEvents(
    @Payload() batch: Batch<'deliveryEvents'>,
    @Ctx() ctx: StreamContext,
  ): Promise<Emit[]> {
    await this.numbers.onDeliveryEvents(
      ctx.db,
      batch.map((record) => record.value),
    );
    return [];
  }

  @Consumes('recipientEvents')
  async recipientEvents(
    @Payload() batch: Batch<'recipientEvents'>,
    @Ctx() ctx: StreamContext,
  ): Promise<Emit[]> {
    await this.numbers.onRecipientEvents(
      ctx.db,
      batch.map((record) => record.value),
    );
    return [];
  }
}
