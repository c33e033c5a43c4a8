import { Module } from '@nestjs/common';

import { CampaignModule } from './campaign/campaign.module';
import { DeferralModule } from './deferral/deferral.module';
import { RecipientEventsModule } from './recipient-events/recipient-events.module';
import { ReleaseModule } from './release/release.module';

/**
 * Scheduling: sending windows and holidays, frequency caps and duplicate content, the campaign guard, the durable
 * deferral queue and the send-time choice, between consent (internal.cleared.v1) and delivery (internal.released.v1).
 */
@Module({ imports: [ReleaseModule, RecipientEventsModule, CampaignModule, DeferralModule] })
export class SchedulingModule {}
