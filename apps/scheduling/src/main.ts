import './instrumentation';

import { join } from 'node:path';

import { runService } from '@optline/platform';

import { SchedulingModule } from './scheduling.module';

void runService({
  name: 'scheduling',
  module: SchedulingModule,
  migrations: join(__dirname, '../migrations'),
});
