import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { concatMap, type Observable } from 'rxjs';
import type { ActorRequest } from '../../common/security/access.decorators.js';
import { AuditContext, requestContextOf } from './audit-context.js';
import { AuditLog } from './audit-log.service.js';
import { AUDITED_EXPORT, type AuditedExportOptions } from './audited-export.decorator.js';
import type { AuditDetail } from './domain/audit-detail.js';

/**
 * Opens the request's audit context around the route handler (interceptors run after the guards,
 * so the session's actor is known), and records the exports of routes marked @AuditedExport once
 * their file is ready, before it is sent: no row, no file.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly context: AuditContext,
    private readonly audit: AuditLog,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'http') return next.handle();
    const request = execution.switchToHttp().getRequest<FastifyRequest & ActorRequest>();
    const context = requestContextOf(request);
    // Nest binds the handler to the async context handle() is called in, so the store reaches it.
    const handled = this.context.run(context, () => next.handle());

    const options = this.reflector.get<AuditedExportOptions | undefined>(AUDITED_EXPORT, execution.getHandler());
    const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
    if (!options || (options.onlyFormat && query.format !== options.onlyFormat)) return handled;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    return handled.pipe(
      concatMap(async (body: unknown) => {
        await this.audit.recordAlone(
          {
            action: options.action,
            targetId: options.targetId ?? (options.targetParam ? (params[options.targetParam] ?? null) : null),
            // The query passed validation (unknown parameters are refused), so it holds only the route's filters.
            detail: filtersOf(query),
          },
          context,
        );
        return body;
      }),
    );
  }
}

function filtersOf(query: Record<string, string | string[] | undefined>): AuditDetail {
  const filters: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined) filters[key] = value;
  return Object.keys(filters).length > 0 ? { filters } : {};
}
