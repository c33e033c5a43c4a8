import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type ValueOf } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { RecipientsService } from './recipients.service';

/** internal.recipient-events.v1: consent changes and erasures, for the last-moment check. */
@Controller()
export class RecipientsConsumer {
  constructor(private readonly recipients: RecipientsService) {}

  @EventPattern(TOPICS.recipientEvents.name)
  async handle(
    @Payload() records: Array<StreamRecord<ValueOf<'recipientEvents'>>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    await this.recipients.handle(
      records.map((record) => record.value),
      ctx.db,
    );
    return [];
  }
}
