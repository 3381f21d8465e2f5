import type { Role } from './api/api-types';

export const ROLES = ['requester', 'technician', 'manager', 'admin'] as const satisfies readonly Role[];

const ROLE_LABELS: Record<Role, string> = {
  requester: 'Requester',
  technician: 'Technician',
  manager: 'Manager',
  admin: 'Admin',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
