import { Module } from '@nestjs/common';

import { CampaignsConsumer } from './campaigns/campaigns.consumer';
import { CampaignsRepository } from './campaigns/campaigns.repository';
import { CampaignsService } from './campaigns/campaigns.service';
import { HygieneConsumer } from './hygiene/hygiene.consumer';
import { HygieneRepository } from './hygiene/hygiene.repository';
import { HygieneService } from './hygiene/hygiene.service';
import { RegistryRepository } from './registry/registry.repository';
import { RegistryService } from './registry/registry.service';
import { ScreeningConsumer } from './screening/screening.consumer';
import { ScreeningService } from './screening/screening.service';

/**
 * Validation: numbers, the contact registry, hygiene, content and campaign fan-out. One module: the features
 * call each other (screening uses the registry, hygiene and campaigns; an erasure touches all three), and
 * separate Nest modules would only add a cycle to untangle.
 */
@Module({
  controllers: [ScreeningConsumer, CampaignsConsumer, HygieneConsumer],
  providers: [
    ScreeningService,
    RegistryRepository,
    RegistryService,
    HygieneRepository,
    HygieneService,
    CampaignsRepository,
    CampaignsService,
  ],
})
export class ValidationModule {}
