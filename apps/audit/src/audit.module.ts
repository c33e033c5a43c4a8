import { Module } from '@nestjs/common';

import { AuditorQueryInterceptor } from './auditor/auditor-query.interceptor';
import { AuditorController } from './auditor/auditor.controller';
import { AuditorRepository } from './auditor/auditor.repository';
import { AuditorService } from './auditor/auditor.service';
import { ConsoleModule } from './console/console.module';
import { TrailConsumer } from './trail/trail.consumer';
import { TrailRepository } from './trail/trail.repository';
import { TrailService } from './trail/trail.service';
import { WriterRole } from './trail/writer-role';

@Module({
  imports: [ConsoleModule],
  controllers: [TrailConsumer, AuditorController],
  providers: [
    WriterRole,
    TrailRepository,
    TrailService,
    AuditorRepository,
    AuditorService,
    AuditorQueryInterceptor,
  ],
})
export class AuditModule {}
