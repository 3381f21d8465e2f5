import type { Role } from './api/api-types';

export const ROLES = ['requester', 'technician', 'manager', 'admin'] as const satisfies readonly Role[];

/** IT staff: everyone but requesters. */
export const STAFF_ROLES = ['technician', 'manager', 'admin'] as const satisfies readonly Role[];

/** Managers and admins may change or delete anyone's time and expenses, and log time for others. */
export function isManagerOrAdmin(role: Role): boolean {
  return role === 'manager' || role === 'admin';
}

const ROLE_LABELS: Record<Role, string> = {
  requester: 'Requester',
  technician: 'Technician',
  manager: 'Manager',
  admin: 'Admin',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
