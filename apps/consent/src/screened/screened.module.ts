import { Module } from '@nestjs/common';

import { ConsentCheckModule } from '../check/consent-check.module';
import { ErasureModule } from '../erasure/erasure.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RepliesModule } from '../replies/replies.module';
import { ScreenedConsumer } from './screened.consumer';
import { ScreenedService } from './screened.service';

@Module({
  imports: [LedgerModule, RepliesModule, ConsentCheckModule, ErasureModule],
  controllers: [ScreenedConsumer],
  providers: [ScreenedService],
})
export class ScreenedModule {}
