import { Module } from '@nestjs/common';

import { DeferralModule } from '../deferral/deferral.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { CampaignControlConsumer } from './campaign-control.consumer';
import { CampaignRepository } from './campaign.repository';
import { CampaignService } from './campaign.service';

@Module({
  imports: [DeferralModule, RecipientsModule],
  controllers: [CampaignControlConsumer],
  providers: [CampaignRepository, CampaignService],
  exports: [CampaignService],
})
export class CampaignModule {}
