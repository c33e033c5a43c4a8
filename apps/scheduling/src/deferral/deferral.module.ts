import { Module } from '@nestjs/common';

import { DeferralTimer } from './deferral-timer';
import { DeferralRepository } from './deferral.repository';

@Module({
  providers: [DeferralRepository, DeferralTimer],
  exports: [DeferralRepository],
})
export class DeferralModule {}
