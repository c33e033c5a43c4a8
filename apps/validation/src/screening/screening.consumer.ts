import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { ScreeningService } from './screening.service';

/** internal.accepted.v1: every input ingestion accepted. */
@Controller()
export class ScreeningConsumer {
  constructor(private readonly screening: ScreeningService) {}

  @Consumes('accepted')
  accepted(@Payload() batch: Batch<'accepted'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.screening.handle(
      ctx.db,
      batch.map((record) => record.value),
      ctx.now,
    );
  }
}
