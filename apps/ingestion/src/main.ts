import './instrumentation';

import { join } from 'node:path';

import { runService } from '@optline/platform';

import { loadIngestionConfig } from './config/ingestion.config';
import { configureIngestionHttp } from './http/http-setup';
import { IngestionModule } from './ingestion.module';

let config: ReturnType<typeof loadIngestionConfig>;
try {
  config = loadIngestionConfig(process.env);
} catch (error) {
  process.stderr.write(`ingestion: ${(error as Error).message}\n`);
  process.exit(78);
}

void runService({
  name: 'ingestion',
  module: IngestionModule,
  migrations: join(__dirname, '../migrations'),
  // Body parsing is set up in configureIngestionHttp: JSON only, so the CSV import can stream.
  bodyParser: false,
  configureHttp: (app) => configureIngestionHttp(app, config),
});
