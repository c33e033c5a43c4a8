import { Module } from '@nestjs/common';

import { ConsentEventsService } from './consent-events.service';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

@Module({
  providers: [LedgerRepository, LedgerService, ConsentEventsService],
  exports: [LedgerRepository, LedgerService, ConsentEventsService],
})
export class LedgerModule {}
