import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module.js';
import { SystemClock } from '../common/time/clock.js';
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from '../config/data-source.js';
import { API_PREFIX } from '../app.factory.js';
import { buildOpenApiDocument, OPENAPI_FILE, serializeOpenApi } from './openapi.js';

/**
 * Writes apps/api/openapi.json from the code, without a database: Nest's preview mode reads the
 * routes and DTOs without instantiating a provider. The web app's typed client is generated from
 * this file, and a test checks that it is current.
 */
async function generate(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'x'.repeat(32),
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      dataSource: createDataSource('postgres://unused@127.0.0.1:1/unused'),
      clock: new SystemClock(),
    }),
    new FastifyAdapter(),
    { preview: true, logger: false },
  );
  app.setGlobalPrefix(API_PREFIX);
  writeFileSync(OPENAPI_FILE, serializeOpenApi(buildOpenApiDocument(app)));
  await app.close();
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}

await generate();
