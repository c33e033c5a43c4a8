import { Global, Module } from '@nestjs/common';

import { SERVICE_CONFIG, type ServiceConfig } from '@optline/platform';

import { INGESTION_CONFIG, loadIngestionConfig } from './config/ingestion.config';
import { ContactImportModule } from './contact-import/contact-import.module';
import { IntakeModule } from './intake/intake.module';
import { ProducerApiModule } from './producer-api/producer-api.module';
import { TenantNumbersModule } from './tenant-numbers/tenant-numbers.module';

@Global()
@Module({
  providers: [
    {
      provide: INGESTION_CONFIG,
      useFactory: (config: ServiceConfig) => loadIngestionConfig(config.env),
      inject: [SERVICE_CONFIG],
    },
  ],
  exports: [INGESTION_CONFIG],
})
class IngestionConfigModule {}

@Module({
  imports: [IngestionConfigModule, TenantNumbersModule, IntakeModule, ProducerApiModule, ContactImportModule],
})
export class IngestionModule {}
