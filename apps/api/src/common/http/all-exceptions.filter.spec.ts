import { BadRequestException, NotFoundException } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { AppError } from '../errors/app-error.js';
import { toErrorBody } from './all-exceptions.filter.js';

describe(toErrorBody.name, () => {
  it('maps domain errors through their code', () => {
    expect(toErrorBody(new AppError('department_in_use', 'In use', { users: 2 }))).toEqual({
      statusCode: 409,
      code: 'department_in_use',
      message: 'In use',
      details: { users: 2 },
    });
  });

  it('maps framework errors to a code from their status', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /x'))).toEqual({
      statusCode: 404,
      code: 'not_found',
      message: 'Not found',
    });
    expect(toErrorBody(new BadRequestException('nope')).code).toBe('bad_request');
  });

  it('answers constraint violations as conflicts and a lost database as 503, never leaking SQL', () => {
    const unique = new QueryFailedError('INSERT INTO secret_table', [], Object.assign(new Error('dup'), { code: '23505' }));
    expect(toErrorBody(unique)).toEqual({
      statusCode: 409,
      code: 'conflict',
      message: 'A record with these values already exists',
    });
    const down = new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating'), { code: '57P01' }));
    expect(toErrorBody(down).statusCode).toBe(503);
    expect(toErrorBody(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })).statusCode).toBe(503);
  });

  it('answers a connection lost without a code (server gone mid-statement, pool timeout, runner released mid-transaction) as 503', () => {
    const unavailable = {
      statusCode: 503,
      code: 'service_unavailable',
      message: 'The database is unavailable; try again shortly',
    };
    const lost = [
      new QueryFailedError('UPDATE tickets', [], new Error('Connection terminated unexpectedly')),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      new QueryRunnerProviderAlreadyReleasedError(),
      new QueryRunnerAlreadyReleasedError(),
    ];
    for (const error of lost) expect([error.message, toErrorBody(error)]).toEqual([error.message, unavailable]);
    expect(toErrorBody(new Error('Connection to the vendor API failed')).statusCode).toBe(500);
  });

  it('answers anything unexpected with a bare 500', () => {
    expect(toErrorBody(new TypeError('x is undefined at foo.ts:12'))).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: 'Internal server error',
    });
  });
});
