import type { Actor } from '../../../common/security/actor.js';
import { isStaff } from '../../users/domain/role.js';

/**
 * Requesters pick the affected device when filing, and see only their own department's assets;
 * staff see every asset. A requester without a department sees none.
 */
export function canViewAsset(actor: Actor, asset: { departmentId: string }): boolean {
  if (isStaff(actor.role)) return true;
  return actor.departmentId !== null && actor.departmentId === asset.departmentId;
}

/** The same rule as canViewAsset, as a SQL condition on an assets alias, for every list query. */
export function assetVisibility(actor: Actor, alias: string): { where: string; params: Record<string, unknown> } {
  if (isStaff(actor.role)) return { where: 'TRUE', params: {} };
  if (actor.departmentId === null) return { where: 'FALSE', params: {} };
  return { where: `${alias}.department_id = :visibilityDepartmentId`, params: { visibilityDepartmentId: actor.departmentId } };
}
