import { Module } from '@nestjs/common';

import { LedgerModule } from '../ledger/ledger.module';
import { ConsentCheckRepository } from './consent-check.repository';
import { ConsentCheckService } from './consent-check.service';

@Module({
  imports: [LedgerModule],
  providers: [ConsentCheckRepository, ConsentCheckService],
  exports: [ConsentCheckService],
})
export class ConsentCheckModule {}
