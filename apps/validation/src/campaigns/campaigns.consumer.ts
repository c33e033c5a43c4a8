import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { CampaignsService } from './campaigns.service';

/** internal.fanout.v1: one page of a campaign fan-out per record. */
@Controller()
export class CampaignsConsumer {
  constructor(private readonly campaigns: CampaignsService) {}

  @Consumes('fanout')
  pages(@Payload() batch: Batch<'fanout'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    return this.campaigns.fanOut(
      ctx.db,
      batch.map((record) => record.value),
      ctx.now,
    );
  }
}
