import './instrumentation';

import { join } from 'node:path';

import { runService } from '@optline/platform';

import { AuditModule } from './audit.module';

void runService({ name: 'audit', module: AuditModule, migrations: join(__dirname, '../migrations') });
