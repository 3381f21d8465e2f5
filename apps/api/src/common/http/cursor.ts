import { validationFailed, type AppError } from '../errors/app-error.js';

/**
 * Opaque keyset-pagination cursors: the sort key of the last row of a page, base64url JSON.
 * A tampered cursor answers 400 naming the field, never a 500.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((v, i) => typeof v === shape[i])) {
      return key as (string | number)[];
    }
  } catch {
    // fall through to the validation error
  }
  throw invalidCursor();
}

/** The answer to a cursor this list did not give out (also for values a list checks itself). */
export function invalidCursor(): AppError {
  return validationFailed([{ field: 'cursor', messages: ['cursor is not a cursor this list gave out'] }]);
}
