import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type ValueOf } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { RecipientEventsService } from './recipient-events.service';

@Controller()
export class RecipientEventsConsumer {
  constructor(private readonly recipientEvents: RecipientEventsService) {}

  @EventPattern(TOPICS.recipientEvents.name)
  handle(
    @Payload() records: Array<StreamRecord<ValueOf<'recipientEvents'>>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    return this.recipientEvents.handle(
      ctx.db,
      records.map((record) => record.value),
    );
  }
}
