import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type ValueOf } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { ReceiptsService } from './receipts.service';

/** internal.receipts.v1: provider receipts accepted by ingestion. */
@Controller()
export class ReceiptsConsumer {
  constructor(private readonly receipts: ReceiptsService) {}

  @EventPattern(TOPICS.acceptedReceipts.name)
  handle(
    @Payload() records: Array<StreamRecord<ValueOf<'acceptedReceipts'>>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    return this.receipts.handle(
      records.map((record) => record.value),
      ctx.db,
    );
  }
}
