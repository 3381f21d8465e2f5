import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764090000000 implements MigrationInterface {
  name = 'Identity1764090000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE departments (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name        text NOT NULL CHECK (btrim(name) <> ''),
        code        text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,15}$'),
        life_safety boolean NOT NULL DEFAULT false,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX departments_code_key ON departments (code)`);
    await q.query(`CREATE UNIQUE INDEX departments_name_key ON departments (lower(name))`);

    await q.query(`CREATE TYPE user_role AS ENUM ('requester', 'technician', 'manager', 'admin')`);
    await q.query(`
      CREATE TABLE users (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email                text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
        name                 text NOT NULL CHECK (btrim(name) <> ''),
        role                 user_role NOT NULL,
        department_id        uuid REFERENCES departments (id) ON DELETE RESTRICT,
        password_hash        text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT false,
        active               boolean NOT NULL DEFAULT true,
        password_changed_at  timestamptz NOT NULL DEFAULT now(),
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_department_id_idx ON users (department_id)`);

    await q.query(`
      CREATE TABLE sessions (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash   bytea NOT NULL,
        created_at   timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at   timestamptz NOT NULL,
        revoked_at   timestamptz,
        ip           text,
        user_agent   text
      )`);
    await q.query(`CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash)`);
    await q.query(`CREATE INDEX sessions_user_id_active_idx ON sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)`);

    await q.query(`
      CREATE TABLE login_attempts (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email        text NOT NULL,
        ip           text NOT NULL,
        succeeded    boolean NOT NULL,
        attempted_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at) WHERE NOT succeeded`);
    await q.query(`CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at) WHERE NOT succeeded`);
    await q.query(`CREATE INDEX login_attempts_attempted_at_idx ON login_attempts (attempted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TYPE user_role`);
    await q.query(`DROP TABLE departments`);
  }
}
