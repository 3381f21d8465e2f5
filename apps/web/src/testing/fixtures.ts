import type { Department, Me, Role, User } from '../lib/api/api-types';

let sequence = 0;
function nextId(): string {
  sequence += 1;
  return `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
}

const NAMES: Record<Role, string> = {
  requester: 'Erin Employee',
  technician: 'Terry Technician',
  manager: 'Morgan Manager',
  admin: 'Avery Admin',
};

export function aMe(overrides: Partial<Me> = {}): Me {
  const role = overrides.role ?? 'requester';
  return {
    id: nextId(),
    email: `${role}@civicdesk.test`,
    name: NAMES[role],
    role,
    departmentId: null,
    departmentName: null,
    mustChangePassword: false,
    ...overrides,
  };
}

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: nextId(),
    email: 'jane.doe@city.gov',
    name: 'Jane Doe',
    role: 'requester',
    departmentId: null,
    departmentName: null,
    active: true,
    mustChangePassword: false,
    createdAt: '2025-01-06T09:00:00-05:00',
    updatedAt: '2025-01-06T09:00:00-05:00',
    ...overrides,
  };
}

export function aDepartment(overrides: Partial<Department> = {}): Department {
  return {
    id: nextId(),
    name: 'Finance',
    code: 'FIN',
    lifeSafety: false,
    createdAt: '2025-01-06T09:00:00-05:00',
    updatedAt: '2025-01-06T09:00:00-05:00',
    ...overrides,
  };
}
