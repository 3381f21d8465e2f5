import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PasswordHasher } from '../../src/common/security/password-hasher.js';
import type { Role } from '../../src/modules/users/domain/role.js';

export const FACTORY_PASSWORD = 'factory-password-2026';
let factoryHash: Promise<string> | undefined;

/** One Argon2id hash per test process: hashing is deliberately slow. */
function passwordHash(): Promise<string> {
  factoryHash ??= new PasswordHasher().hash(FACTORY_PASSWORD);
  return factoryHash;
}

const unique = (): string => randomBytes(4).toString('hex');

export interface DepartmentRecord {
  id: string;
  name: string;
  code: string;
  lifeSafety: boolean;
}

export async function createDepartment(
  db: DataSource,
  overrides: Partial<Omit<DepartmentRecord, 'id'>> = {},
): Promise<DepartmentRecord> {
  const suffix = unique().toUpperCase();
  const values = { name: `Department ${suffix}`, code: `D${suffix}`, lifeSafety: false, ...overrides };
  const [row] = await db.query(
    `INSERT INTO departments (name, code, life_safety, created_at, updated_at) VALUES ($1, $2, $3, now(), now()) RETURNING id`,
    [values.name, values.code, values.lifeSafety],
  );
  return { id: row.id, ...values };
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  password: string;
}

export async function createUser(
  db: DataSource,
  overrides: Partial<Omit<UserRecord, 'id' | 'password'>> & { active?: boolean; mustChangePassword?: boolean } = {},
): Promise<UserRecord> {
  const suffix = unique();
  const values = {
    email: `user-${suffix}@city.test`,
    name: `User ${suffix}`,
    role: 'requester' as Role,
    departmentId: null as string | null,
    ...overrides,
  };
  const [row] = await db.query(
    `INSERT INTO users (email, name, role, department_id, password_hash, active, must_change_password, password_changed_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now(), now(), now()) RETURNING id`,
    [
      values.email,
      values.name,
      values.role,
      values.departmentId,
      await passwordHash(),
      overrides.active ?? true,
      overrides.mustChangePassword ?? false,
    ],
  );
  return {
    id: row.id,
    email: values.email,
    name: values.name,
    role: values.role,
    departmentId: values.departmentId,
    password: FACTORY_PASSWORD,
  };
}

/** A browser-like client signed in as a new user of this role (for role-based route tests). */
export async function signedInAs<C extends { login(email: string, password: string): Promise<unknown> }>(
  t: { dataSource: DataSource; client(): C },
  role: Role,
): Promise<C> {
  const user = await createUser(t.dataSource, { role });
  const client = t.client();
  await client.login(user.email, user.password);
  return client;
}
