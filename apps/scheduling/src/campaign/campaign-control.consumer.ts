import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { TOPICS, type ValueOf } from '@optline/domain';
import { Clock, type OutRecord, type StreamContext, type StreamRecord } from '@optline/platform';

import { CampaignService } from './campaign.service';

@Controller()
export class CampaignControlConsumer {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly clock: Clock,
  ) {}

  @EventPattern(TOPICS.campaignControl.name)
  async handle(
    @Payload() records: Array<StreamRecord<ValueOf<'campaignControl'>>>,
    @Ctx() ctx: StreamContext,
  ): Promise<OutRecord[]> {
    const out: OutRecord[] = [];
    for (const record of records)
      out.push(...(await this.campaigns.resume(ctx.db, record.value, this.clock.now())));
    return out;
  }
}
