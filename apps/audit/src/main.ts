import './instrumentation';

import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import { runService } from '@optline/platform';

import { AuditModule } from './audit.module';

/** The OpenAPI document at /openapi.json with its UI at /docs. */
function configureHttp(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Optline audit')
      .setDescription(
        'Read-only auditor API over the tamper-evident trail (CONTRACT §4). Auditor API keys only.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
}

void runService({
  name: 'audit',
  module: AuditModule,
  migrations: join(__dirname, '../migrations'),
  configureHttp,
});
