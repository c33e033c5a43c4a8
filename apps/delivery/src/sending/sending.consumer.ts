import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type ValueOf } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { SendingService } from './sending.service';

/** internal.released.v1: messages scheduling says may go now (and delivery's own retry rounds). */
@Controller()
export class SendingConsumer {
  constructor(private readonly sending: SendingService) {}

  @EventPattern(TOPICS.released.name)
  handle(
    @Payload() records: Array<StreamRecord<ValueOf<'released'>>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    return this.sending.handleReleased(
      records.map((record) => record.value),
      ctx.db,
    );
  }
}
