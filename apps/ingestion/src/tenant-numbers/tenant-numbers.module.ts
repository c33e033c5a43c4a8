import { Module } from '@nestjs/common';

import { TenantNumbersConsumer } from './tenant-numbers.consumer';
import { TenantNumbersRepository } from './tenant-numbers.repository';
import { TenantNumbersService } from './tenant-numbers.service';

@Module({
  controllers: [TenantNumbersConsumer],
  providers: [TenantNumbersRepository, TenantNumbersService],
  exports: [TenantNumbersRepository, TenantNumbersService],
})
export class TenantNumbersModule {}
