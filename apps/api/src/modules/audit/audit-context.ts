import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ActorRequest } from '../../common/security/access.decorators.js';

/** Where an action came from, as an audit row records it. */
export interface AuditRequestContext {
  /** The signed-in user; null for anonymous requests and for the app's own jobs. */
  actorId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** What the app's own work (scheduled jobs, the CLI) records: no person, no address. */
export const SYSTEM_CONTEXT: AuditRequestContext = { actorId: null, ip: null, userAgent: null, requestId: null };

const MAX_USER_AGENT = 512;

/** Read after the session guard, so the actor is known; the address honours TRUST_PROXY. */
export function requestContextOf(request: FastifyRequest & ActorRequest): AuditRequestContext {
  const userAgent = request.headers['user-agent'];
  return {
    actorId: request.actor?.id ?? null,
    ip: request.ip || null,
    userAgent: typeof userAgent === 'string' && userAgent !== '' ? userAgent.slice(0, MAX_USER_AGENT) : null,
    requestId: typeof request.id === 'string' ? request.id : null,
  };
}

/**
 * The request being served, for the audit writer, without every service passing it along: an
 * AsyncLocalStorage opened around each route handler (see AuditInterceptor). nestjs-cls does this
 * too, but it is CommonJS requiring the ES-only NestJS 12, which Jest on Node 20 cannot load.
 */
@Injectable()
export class AuditContext {
  private readonly storage = new AsyncLocalStorage<AuditRequestContext>();

  run<T>(context: AuditRequestContext, fn: () => T): T {
    return this.storage.run(context, fn);
  }

  /** Outside a request (jobs, start-up) the app itself acts. */
  current(): AuditRequestContext {
    return this.storage.getStore() ?? SYSTEM_CONTEXT;
  }
}
