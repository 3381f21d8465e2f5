import type { Role } from '../../modules/users/domain/role.js';
import type { Actor } from './actor.js';

/** An actor for policy unit tests: id `id-<role>` unless overridden. */
export function testActor(role: Role, overrides: Partial<Actor> = {}): Actor {
  return {
    id: `id-${role}`,
    role,
    email: `${role}@city.test`,
    name: role,
    departmentId: null,
    mustChangePassword: false,
    sessionId: 'session-1',
    ...overrides,
  };
}
