import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { ReleaseService } from './release.service';

@Controller()
export class ClearedConsumer {
  constructor(private readonly release: ReleaseService) {}

  @Consumes('cleared')
  handle(@Payload() batch: Batch<'cleared'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.release.arrive(
      ctx.db,
      batch.map((record) => record.value.message),
      ctx.now,
    );
  }
}
