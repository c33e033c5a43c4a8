import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { SendingService } from './sending.service';

/** internal.released.v1: messages scheduling says may go now (and delivery's own retry rounds). */
@Controller()
export class SendingConsumer {
  constructor(private readonly sending: SendingService) {}

  @Consumes('released')
  handle(@Payload() batch: Batch<'released'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.sending.handleReleased(
      batch.map((record) => record.value),
      ctx.db,
      ctx.now,
    );
  }
}
