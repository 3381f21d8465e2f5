import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROJECT_ROOT } from '../config/app-config.js';

export const OPENAPI_FILE = join(PROJECT_ROOT, 'apps/api/openapi.json');

export function serializeOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('CivicDesk API')
    .setDescription(
      'IT helpdesk and SLA tracker for city governments. JSON under /api; money in integer cents, ' +
        'durations in integer minutes, times ISO 8601. Sessions are an httpOnly cookie; every ' +
        'state-changing request must carry the header X-CivicDesk: 1. Errors: {statusCode, code, message, details?}.',
    )
    .setVersion('0.1.0')
    .addCookieAuth('civicdesk_session')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}

/** The OpenAPI document at /api/openapi.json and its UI at /api/docs. */
export function setUpOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'CivicDesk API',
  });
}
