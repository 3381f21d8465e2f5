import { STATUS_CODES } from 'node:http';

/** The one JSON error shape of the API. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

export function errorBody(statusCode: number, code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { statusCode, code, message } : { statusCode, code, message, details };
}

/** Lower-snake code from an HTTP status: 404 -> "not_found", 413 -> "payload_too_large". */
export function codeForStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'error')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
