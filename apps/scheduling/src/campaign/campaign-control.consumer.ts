import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { Consumes, type Batch, type Emit, type StreamContext } from '@optline/platform';

import { CampaignService } from './campaign.service';

@Controller()
export class CampaignControlConsumer {
  constructor(private readonly campaigns: CampaignService) {}

  @Consumes('campaignControl')
  async handle(@Payload() batch: Batch<'campaignControl'>, @Ctx() ctx: StreamContext): Promise<Emit[]> {
    const out: Emit[] = [];
    for (const record of batch) out.push(...(await this.campaigns.resume(ctx.db, record.value, ctx.now)));
    return out;
  }
}
