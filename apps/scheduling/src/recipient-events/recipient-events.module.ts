import { Module } from '@nestjs/common';

import { CampaignModule } from '../campaign/campaign.module';
import { DeferralModule } from '../deferral/deferral.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { RecipientEventsConsumer } from './recipient-events.consumer';
import { RecipientEventsService } from './recipient-events.service';

@Module({
  imports: [DeferralModule, RecipientsModule, CampaignModule],
  controllers: [RecipientEventsConsumer],
  providers: [RecipientEventsService],
})
export class RecipientEventsModule {}
