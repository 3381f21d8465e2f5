import type { Actor } from '../../../common/security/actor.js';

/**
 * Work logs and expenses are added by staff who work the ticket; once written, only their author
 * or a manager/admin may change or delete them (a technician cannot rewrite a colleague's time).
 */
export function canChangeCostEntry(actor: Pick<Actor, 'id' | 'role'>, entry: { createdById: string }): boolean {
  return entry.createdById === actor.id || actor.role === 'manager' || actor.role === 'admin';
}
