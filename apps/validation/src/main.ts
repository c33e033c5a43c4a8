import './instrumentation';

import { join } from 'node:path';

import { runService } from '@optline/platform';

import { ValidationModule } from './validation.module';

void runService({
  name: 'validation',
  module: ValidationModule,
  migrations: join(__dirname, '../migrations'),
});
