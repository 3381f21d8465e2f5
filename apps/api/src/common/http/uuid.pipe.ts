import { ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '../errors/app-error.js';

/**
 * A malformed id names no record, so it answers like a missing one (404), never a 500 from
 * PostgreSQL's uuid parser.
 */
export const uuidPipe = new ParseUUIDPipe({ exceptionFactory: () => notFound('Record') });
