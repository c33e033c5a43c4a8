import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { TrailService } from './trail.service';

/** optline.audit.v1 and optline.outcomes.v1 into the trail. */
@Controller()
export class TrailConsumer {
  constructor(private readonly trail: TrailService) {}

  @Consumes('audit')
  async events(@Payload() batch: Batch<'audit'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    await this.trail.appendEvents(
      ctx.db,
      batch.map((record) => record.value),
    );
    return [];
  }

  @Consumes('outcomes')
  async outcomes(@Payload() batch: Batch<'outcomes'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    await this.trail.appendOutcomes(
      ctx.db,
      batch.map((record) => record.value),
    );
    return [];
  }
}
