import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, WEB_DIST, type AppModuleOptions } from './app.module.js';
import { setUpOpenApi } from './openapi/openapi.js';
import { readBodyText } from './common/http/body-stream.js';
import { serveWebApp } from './web/serve-web-app.js';

export const API_PREFIX = 'api';
export const CSV_BODY_LIMIT = 5 * 1024 * 1024;

export interface CreateAppOptions extends AppModuleOptions {
  /** Folder of the built web app; served with a single-page-app fallback when it holds index.html. */
  webDist?: string;
}

/** Builds the whole HTTP application; main.ts and the tests both call this. */
export async function createApp({ webDist = WEB_DIST, ...options }: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: options.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // A caller's X-Request-Id is kept when it looks like an id; otherwise a fresh UUID. pino-http logs it.
    requestIdHeader: false,
    genReqId: (req: { headers: IncomingHttpHeaders }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);

  await app.register(fastifyCookie);
  // The asset import takes the CSV file itself as the body, as text (JSON keeps the 1 MiB limit).
  // A route marked @RouteConfig(STREAMED_CSV_BODY) gets the body as a stream instead, read by its
  // handler after the guards (history imports: files far larger than any text body, stored as they arrive).
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser('text/csv', (request, payload, done) => {
      if ((request.routeOptions.config as { streamedBody?: boolean } | undefined)?.streamedBody) {
        done(null, payload);
        return;
      }
      readBodyText(payload, CSV_BODY_LIMIT).then((text) => done(null, text), done);
    });
  // Holiday imports: an iCalendar (.ics) file as text.
  app.useBodyParser('text/calendar', { bodyLimit: CSV_BODY_LIMIT }, (_req, body, done) => done(null, body.toString('utf8')));
  // Nest's security headers (helmet 8's, from a Fastify onRequest hook that Nest also runs for the
  // router's own answers): every response gets them, even the 400 for a malformed address, which
  // no plugin hook sees.
  app.useSecurityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and Swagger UI set inline style attributes; no inline script is allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: options.config.secureCookies ? true : null,
      },
    },
    strictTransportSecurity: options.config.secureCookies,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  setUpOpenApi(app);
  await serveWebApp(app, webDist);
  return app;
}
