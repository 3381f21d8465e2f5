import type { Role } from '../../modules/users/domain/role.js';

/** The signed-in user a request acts for, as the policies need it. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  mustChangePassword: boolean;
  sessionId: string;
}
