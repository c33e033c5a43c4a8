import './instrumentation';

import { join } from 'node:path';

import { runService } from '@optline/platform';

import { HttpErrorFilter } from './shared/error-filters';
import { ValidationModule } from './validation.module';

void runService({
  name: 'validation',
  module: ValidationModule,
  migrations: join(__dirname, '../migrations'),
  configureHttp: (app) => {
    app.useGlobalFilters(new HttpErrorFilter());
  },
});
