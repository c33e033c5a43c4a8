import type { Server } from 'node:http';

import type { INestApplication } from '@nestjs/common';

import type { IngestionConfig } from '../config/ingestion.config';
import { jsonBodies } from './json-bodies';
import { serveOpenApi } from './openapi';

/** An import of millions of rows may stream for a while; everything else is quick. */
const IMPORT_REQUEST_TIMEOUT_MS = 30 * 60_000;

/**
 * Only `application/json` bodies are parsed (up to the configured limit; larger gets 413). The CSV import's
 * `text/csv` body is left unread for its handler to stream, so no parser ever buffers it.
 */
export function configureIngestionHttp(app: INestApplication, config: IngestionConfig): void {
  app.use(jsonBodies(config.bodyLimitBytes));
  (app.getHttpServer() as Server).requestTimeout = IMPORT_REQUEST_TIMEOUT_MS;
  serveOpenApi(app);
}
