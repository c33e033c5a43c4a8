import './instrumentation';

import { join } from 'node:path';

import { runService } from '@optline/platform';

import { IngestionModule } from './ingestion.module';

void runService({ name: 'ingestion', module: IngestionModule, migrations: join(__dirname, '../migrations') });
