import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../../modules/users/domain/role.js';
import type { Actor } from './actor.js';

export const IS_PUBLIC = 'civicdesk:isPublic';
export const ROLES = 'civicdesk:roles';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'civicdesk:allowedBeforePasswordChange';

/** The route answers without a session (sign-in, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; others get 403 (the route itself is no secret). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

/** Reachable while the user still has to replace a temporary password (me, sign-out, change password). */
export const AllowedBeforePasswordChange = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

export interface ActorRequest {
  actor?: Actor;
}

/** The signed-in actor of the request (set by the SessionGuard). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<ActorRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without a session');
  return actor;
});
