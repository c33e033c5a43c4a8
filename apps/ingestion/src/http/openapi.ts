import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { ResponseObject, SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

import { ErasureBody, HTTP_BODIES, MAX_BATCH } from '@optline/domain';

import { IMPORT_REPORT_DOC } from '../contact-import/import-report';

export const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject;

/** One object or an array of 1 to 1000 of them (CONTRACT §4). */
export const batchBody = (name: string): SchemaObject => ({
  oneOf: [ref(name), { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: ref(name) }],
});

const error = (status: number, description: string): ResponseObject & { status: number } => ({
  status,
  description,
  content: { 'application/json': { schema: ref('ErrorBody') } },
});

export const ERROR_RESPONSES = {
  400: error(
    400,
    '`validation_failed`: `details[{path, message}]` names every offending field (`3.to` for item 3); malformed JSON is reported at `(root)`',
  ),
  401: error(401, 'Missing or unknown API key, or not a producer key'),
  413: error(413, 'Body larger than the limit (OPTLINE_HTTP_BODY_LIMIT_BYTES, 5 MiB by default)'),
  415: error(415, 'Wrong Content-Type'),
  429: {
    ...error(
      429,
      'Rate limit of the API key exceeded (token bucket; OPTLINE_RATE_LIMIT_PER_SECOND, default 100/s, burst OPTLINE_RATE_LIMIT_BURST, default 200)',
    ),
    headers: {
      'Retry-After': { description: 'Seconds until a request is allowed again', schema: { type: 'integer' } },
    },
  },
};

/** The contract's zod schemas are the single source; the document shows them as JSON Schema. */
function schemaOf(schema: z.ZodType): SchemaObject {
  return z.toJSONSchema(schema, {
    io: 'input',
    target: 'openapi-3.0',
    unrepresentable: 'any',
  }) as SchemaObject;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Optline ingestion')
    .setDescription(
      'The producer API of Optline (CONTRACT §4). Authenticate with `Authorization: Bearer <producer key>`; ' +
        "the tenant is the key's, so bodies carry no `tenantId`. Errors are JSON `{error, message, details?}`.",
    )
    .setVersion('v1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      MessageBody: schemaOf(HTTP_BODIES.messages),
      ContactBody: schemaOf(HTTP_BODIES.contacts),
      ConsentBody: schemaOf(HTTP_BODIES.consents),
      CampaignBody: schemaOf(HTTP_BODIES.campaigns),
      InboundBody: schemaOf(HTTP_BODIES.inbound),
      ReceiptBody: schemaOf(HTTP_BODIES.receipts),
      ErasureBody: schemaOf(ErasureBody),
      Accepted: {
        type: 'object',
        required: ['accepted'],
        properties: {
          accepted: { type: 'array', items: { type: 'string' }, description: 'The ids, in request order' },
        },
      },
      ErrorBody: {
        type: 'object',
        required: ['error', 'message'],
        properties: {
          error: { type: 'string', example: 'validation_failed' },
          message: { type: 'string' },
          details: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path', 'message'],
              properties: { path: { type: 'string', example: '3.to' }, message: { type: 'string' } },
            },
          },
        },
      },
      ImportReport: IMPORT_REPORT_DOC,
    },
  };
  return document;
}

/** `/openapi.json` and the UI at `/docs` (CONTRACT §4). */
export function serveOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
}
