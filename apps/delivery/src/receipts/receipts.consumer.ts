import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { ReceiptsService } from './receipts.service';

/** internal.receipts.v1: provider receipts accepted by ingestion. */
@Controller()
export class ReceiptsConsumer {
  constructor(private readonly receipts: ReceiptsService) {}

  @Consumes('acceptedReceipts')
  handle(@Payload() batch: Batch<'acceptedReceipts'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.receipts.handle(
      batch.map((record) => record.value),
      ctx.db,
      ctx.now,
    );
  }
}
