import type { Actor } from '../../../common/security/actor.js';
import { isStaff } from '../../users/domain/role.js';

/**
 * Requesters pick a category when filing, so they see active ones only; staff see every category
 * (inactive ones still label old tickets).
 */
export function canViewCategory(actor: Actor, category: { active: boolean }): boolean {
  return category.active || isStaff(actor.role);
}

/** The same rule as a SQL condition on a categories alias; staff see inactive ones only when asked. */
export function categoryVisibility(
  actor: Actor,
  alias: string,
  includeInactive: boolean,
): { where: string; params: Record<string, unknown> } {
  if (isStaff(actor.role) && includeInactive) return { where: 'TRUE', params: {} };
  return { where: `${alias}.active`, params: {} };
}
