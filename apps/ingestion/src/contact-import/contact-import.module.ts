import { Module } from '@nestjs/common';

import { TenantNumbersModule } from '../tenant-numbers/tenant-numbers.module';
import { ContactImportController } from './contact-import.controller';
import { ContactImportService } from './contact-import.service';

@Module({
  imports: [TenantNumbersModule],
  controllers: [ContactImportController],
  providers: [ContactImportService],
})
export class ContactImportModule {}
