import type { Readable } from 'node:stream';
import { errorCodes } from 'fastify';

/**
 * Route config (`@RouteConfig(STREAMED_CSV_BODY)`) of a route that reads its text/csv body as a
 * stream, after the guards, instead of receiving it as text (see createApp).
 */
export const STREAMED_CSV_BODY = { streamedBody: true } as const;

/** Fastify's own "body too large" error, so the exception filter answers 413 payload_too_large. */
export function bodyTooLarge(): Error {
  return new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
}

/** Reads a request body as UTF-8 text, refusing it (413) as soon as it passes `limit` bytes. */
export async function readBodyText(body: Readable, limit: number): Promise<string> {
  const pieces: Buffer[] = [];
  let size = 0;
  for await (const piece of limitedBody(body, limit)) {
    pieces.push(piece);
    size += piece.length;
  }
  return Buffer.concat(pieces, size).toString('utf8');
}

/** The body's pieces, failing with 413 once more than `limit` bytes have come. */
export async function* limitedBody(body: AsyncIterable<Buffer | string>, limit: number): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const piece of body) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece) : piece;
    size += buffer.length;
    if (size > limit) throw bodyTooLarge();
    yield buffer;
  }
}
