import { Module } from '@nestjs/common';

import { CampaignModule } from '../campaign/campaign.module';
import { DeferralModule } from '../deferral/deferral.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { ClearedConsumer } from './cleared.consumer';
import { DueConsumer } from './due.consumer';
import { ReleaseService } from './release.service';

@Module({
  imports: [DeferralModule, RecipientsModule, CampaignModule],
  controllers: [ClearedConsumer, DueConsumer],
  providers: [ReleaseService],
})
export class ReleaseModule {}
