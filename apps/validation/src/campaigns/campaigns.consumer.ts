import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type FanoutPage } from '@optline/domain';
import type { OutRecord, StreamContext, StreamRecord } from '@optline/platform';

import { CampaignsService } from './campaigns.service';

/** internal.fanout.v1: one page of a campaign fan-out per record. */
@Controller()
export class CampaignsConsumer {
  constructor(private readonly campaigns: CampaignsService) {}

  @EventPattern(TOPICS.fanout.name)
  pages(
    @Payload() records: Array<StreamRecord<FanoutPage>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    return this.campaigns.fanOut(
      ctx.db,
      records.map((record) => record.value),
      ctx.now,
    );
  }
}
