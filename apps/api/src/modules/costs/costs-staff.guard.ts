import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { notFound } from '../../common/errors/app-error.js';
import type { ActorRequest } from '../../common/security/access.decorators.js';
import { isStaff } from '../users/domain/role.js';

/**
 * Cost routes answer a requester exactly like a missing ticket, before the body is even
 * validated: no 400 or 403 tells them costs exist. (Which staff work which ticket is the
 * service's check; this only keeps non-staff out.)
 */
@Injectable()
export class CostsStaffGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<ActorRequest>().actor;
    if (!actor || !isStaff(actor.role)) throw notFound('Ticket');
    return true;
  }
}
