import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';
import { SessionsService } from '../../modules/sessions/sessions.service.js';
import type { Role } from '../../modules/users/domain/role.js';
import { APP_CONFIG } from '../config.tokens.js';
import { AppError } from '../errors/app-error.js';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, IS_PUBLIC, ROLES, type ActorRequest } from './access.decorators.js';
import { readSessionToken } from './session-cookie.js';

/**
 * Authenticates every route that is not @Public from the session cookie, then applies @Roles.
 * One guard, so the order of "who are you" and "may you" can never be configured wrongly.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & ActorRequest>();
    const token = readSessionToken(request, this.config);
    const actor = token ? await this.sessions.authenticate(token) : null;
    if (!actor) throw new AppError('unauthenticated', 'Sign in to continue');
    request.actor = actor;

    if (actor.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)) {
      throw new AppError('password_change_required', 'Choose a new password before continuing');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new AppError('forbidden', 'Your role may not do this');
    }
    return true;
  }
}
