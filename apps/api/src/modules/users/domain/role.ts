export const ROLES = ['requester', 'technician', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Staff work tickets; requesters only file and follow their own. */
export const STAFF_ROLES: readonly Role[] = ['technician', 'manager', 'admin'];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
