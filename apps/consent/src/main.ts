import './instrumentation';

import { join } from 'node:path';

import { runService } from '@optline/platform';

import { ConsentModule } from './consent.module';

void runService({ name: 'consent', module: ConsentModule, migrations: join(__dirname, '../migrations') });
