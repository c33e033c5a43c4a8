import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { ScreenedService } from './screened.service';

@Controller()
export class ScreenedConsumer {
  constructor(private readonly screened: ScreenedService) {}

  @Consumes('screened')
  handle(@Payload() batch: Batch<'screened'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.screened.process(
      ctx.db,
      batch.map((record) => record.value),
      ctx.now,
    );
  }
}
