import { Module } from '@nestjs/common';

import { LedgerModule } from '../ledger/ledger.module';
import { RepliesRepository } from './replies.repository';
import { RepliesService } from './replies.service';

@Module({
  imports: [LedgerModule],
  providers: [RepliesRepository, RepliesService],
  exports: [RepliesService],
})
export class RepliesModule {}
