import type { Actor } from '../../../common/security/actor.js';

/**
 * Record-level rules for users, as pure functions. Every route that returns a user checks
 * `canViewUser`; every list applies `userVisibility` inside its query, so a list can never hold a
 * record its reader may not open.
 */
export function canViewUser(actor: Actor, user: { id: string }): boolean {
  return actor.role === 'admin' || actor.id === user.id;
}

export function canManageUsers(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** The same rule as canViewUser, as a SQL condition on the users table alias. */
export function userVisibility(actor: Actor, alias: string): { where: string; params: Record<string, unknown> } {
  if (actor.role === 'admin') return { where: 'TRUE', params: {} };
  return { where: `${alias}.id = :visibilityActorId`, params: { visibilityActorId: actor.id } };
}
