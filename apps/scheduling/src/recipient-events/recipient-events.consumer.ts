import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { RecipientEventsService } from './recipient-events.service';

@Controller()
export class RecipientEventsConsumer {
  constructor(private readonly recipientEvents: RecipientEventsService) {}

  @Consumes('recipientEvents')
  handle(@Payload() batch: Batch<'recipientEvents'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.recipientEvents.handle(
      ctx.db,
      batch.map((record) => record.value),
      ctx.now,
    );
  }
}
