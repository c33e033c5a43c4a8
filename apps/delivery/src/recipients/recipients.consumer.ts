import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { RecipientsService } from './recipients.service';

/** internal.recipient-events.v1: consent changes and erasures, for the last-moment check. */
@Controller()
export class RecipientsConsumer {
  constructor(private readonly recipients: RecipientsService) {}

  @Consumes('recipientEvents')
  async handle(@Payload() batch: Batch<'recipientEvents'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    await this.recipients.handle(
      batch.map((record) => record.value),
      ctx.db,
    );
    return [];
  }
}
