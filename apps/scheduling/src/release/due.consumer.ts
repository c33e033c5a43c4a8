import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { ReleaseService } from './release.service';

@Controller()
export class DueConsumer {
  constructor(private readonly release: ReleaseService) {}

  @Consumes('due')
  handle(@Payload() batch: Batch<'due'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.release.releaseDue(
      ctx.db,
      batch.map((record) => record.value),
      ctx.now,
    );
  }
}
