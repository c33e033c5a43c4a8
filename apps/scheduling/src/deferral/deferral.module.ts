import { Module } from '@nestjs/common';

import { clockProvider } from '../clock.provider';
import { DeferralTimer } from './deferral-timer';
import { DeferralRepository } from './deferral.repository';

@Module({
  providers: [clockProvider, DeferralRepository, DeferralTimer],
  exports: [DeferralRepository],
})
export class DeferralModule {}
