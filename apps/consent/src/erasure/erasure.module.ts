import { Module } from '@nestjs/common';

import { LedgerModule } from '../ledger/ledger.module';
import { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import { ProofCheckController } from './proof-check.controller';
import { ProofCheckService } from './proof-check.service';

@Module({
  imports: [LedgerModule],
  controllers: [ProofCheckController],
  providers: [ErasureRepository, ErasureService, ProofCheckService],
  exports: [ErasureService],
})
export class ErasureModule {}
