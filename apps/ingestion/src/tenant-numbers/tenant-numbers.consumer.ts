import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type DeliveryEvent, type RecipientEvent } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { TenantNumbersService } from './tenant-numbers.service';

/** Keeps ingestion's view of suppressed and erased numbers current, for the CSV import's cleaning. */
@Controller()
export class TenantNumbersConsumer {
  constructor(private readonly numbers: TenantNumbersService) {}

  @EventPattern(TOPICS.deliveryEvents.name)
  async deliveryEvents(
    @Payload() records: Array<StreamRecord<DeliveryEvent>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    await this.numbers.onDeliveryEvents(
      ctx.db,
      records.map((record) => record.value),
    );
    return [];
  }

  @EventPattern(TOPICS.recipientEvents.name)
  async recipientEvents(
    @Payload() records: Array<StreamRecord<RecipientEvent>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    await this.numbers.onRecipientEvents(
      ctx.db,
      records.map((record) => record.value),
    );
    return [];
  }
}
