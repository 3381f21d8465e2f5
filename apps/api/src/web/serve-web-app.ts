import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { errorBody } from '../common/http/error-body.js';

/**
 * Serves the built web app from the API's port: its files, and index.html for every other GET
 * outside /api so that bookmarks and reloads of client-side routes work. Unknown /api routes keep
 * the API's JSON 404. (@nestjs/serve-static's Fastify loader answers /api 404s itself and needs
 * `fallthrough` for the fallback, so this is done directly.)
 */
export async function serveWebApp(app: NestFastifyApplication, webDist: string): Promise<boolean> {
  if (!existsSync(join(webDist, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    setHeaders: (res, path) => {
      // Vite fingerprints everything under assets/; index.html must always be revalidated.
      res.header('cache-control', path.startsWith(join(webDist, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      // Unknown API routes and missing files (a path whose last segment has an extension) are 404s.
      if (path === '/api' || path.startsWith('/api/') || /\.[^/]+$/.test(path)) {
        return reply.status(404).send(errorBody(404, 'not_found', 'Not found'));
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  return true;
}
