import { Module } from '@nestjs/common';

import { TenantNumbersModule } from '../tenant-numbers/tenant-numbers.module';
import { IntakeConsumer } from './intake.consumer';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';

@Module({
  imports: [TenantNumbersModule],
  controllers: [IntakeConsumer],
  providers: [IntakeRepository, IntakeService],
})
export class IntakeModule {}
