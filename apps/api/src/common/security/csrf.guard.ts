import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request must carry `X-CivicDesk: 1`. A cross-site HTML form cannot set a
 * custom header, and a cross-site script cannot without a CORS preflight, which this API never
 * grants.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (request.headers['x-civicdesk'] === '1') return true;
    throw new AppError('csrf_header_missing', 'State-changing requests must carry the header X-CivicDesk: 1');
  }
}
