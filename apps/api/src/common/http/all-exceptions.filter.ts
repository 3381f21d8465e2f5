import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { AppError } from '../errors/app-error.js';
import { statusForCode } from '../errors/error-status.js';
import { codeForStatus, errorBody, type ErrorBody } from './error-body.js';
import { redactUrlSecrets } from './log-redaction.js';

/** PostgreSQL SQLSTATE classes that mean "the database is not there", not "the request is bad". */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
/**
 * How pg and pg-pool say a connection was lost or could not be had, with no code: the server went
 * away in the middle of a statement, the pool gave up waiting for a connection, or a client that
 * failed was used again.
 */
const CONNECTION_LOST =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

/**
 * Maps every error to the one JSON error shape. Domain errors carry their code; framework errors
 * get a code from their status; anything unexpected is logged with its stack and answered as a
 * bare 500 without internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = toErrorBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, reqId: request.id, url: redactUrlSecrets(request.url) }, 'request failed');
    }
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof AppError) {
    return errorBody(statusForCode(exception.code), exception.code, exception.message, exception.details);
  }
  if (exception instanceof HttpException) {
    // Nest hands Fastify's own errors (malformed JSON, body too large) over as HttpExceptions.
    if (isFastifyClientError(exception.cause)) return toErrorBody(exception.cause);
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response && typeof response.message === 'string'
        ? response.message
        : exception.message;
    return errorBody(status, codeForStatus(status), status === 404 ? 'Not found' : message);
  }
  if (exception instanceof QueryFailedError) {
    const sqlState = (exception.driverError as { code?: string } | undefined)?.code;
    if (sqlState && UNAVAILABLE_SQLSTATES.has(sqlState)) return unavailable();
    // Constraint violations that slipped past service checks: a conflict, never a 500.
    if (sqlState === '23505') return errorBody(409, 'conflict', 'A record with these values already exists');
    if (sqlState === '23503' || sqlState === '23001') {
      return errorBody(409, 'conflict', 'The record is referenced by or refers to another record');
    }
  }
  if (isFastifyClientError(exception)) {
    return errorBody(exception.statusCode, fastifyCode(exception), exception.message);
  }
  const nodeCode = (exception as { code?: unknown } | null)?.code;
  if (typeof nodeCode === 'string' && (UNAVAILABLE_NODE_CODES.has(nodeCode) || UNAVAILABLE_SQLSTATES.has(nodeCode))) {
    return unavailable();
  }
  if (connectionLost(exception)) return unavailable();
  return errorBody(500, 'internal_error', 'Internal server error');
}

function connectionLost(exception: unknown): boolean {
  // TypeORM releases the query runner whose connection failed; the rest of a transaction that
  // was using it (its next statement, or its COMMIT) then finds it released.
  if (exception instanceof QueryRunnerProviderAlreadyReleasedError || exception instanceof QueryRunnerAlreadyReleasedError) {
    return true;
  }
  return exception instanceof Error && CONNECTION_LOST.test(exception.message);
}

function unavailable(): ErrorBody {
  return errorBody(503, 'service_unavailable', 'The database is unavailable; try again shortly');
}

interface FastifyClientError {
  statusCode: number;
  code?: string;
  message: string;
}

function isFastifyClientError(e: unknown): e is FastifyClientError {
  if (typeof e !== 'object' || e === null) return false;
  const { statusCode } = e as { statusCode?: unknown };
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

function fastifyCode(e: FastifyClientError): string {
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'malformed_json';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    default:
      return codeForStatus(e.statusCode);
  }
}
