import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { JobRunner } from '../../src/modules/jobs/job-runner.service.js';
import { createDepartment, createUser } from '../factories/identity.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { withServer } from '../support/test-database.js';

/** Fixed per worker, so parallel test files never share a role; roles are cluster-wide. */
const ROLE = `civicdesk_app_${process.pid}`;
const PASSWORD = randomBytes(18).toString('base64url');

/**
 * SECURITY.md's hardening checklist: migrations run as the owner, the app as a role that may only
 * read and write rows. Everything the app does, its jobs included, works with that role; and the
 * role can neither rewrite history (the append-only triggers refuse) nor switch the triggers off
 * (only the tables' owner may).
 */
describe('least-privilege database role', () => {
  let owner: TestApp;
  let app: TestApp;
  let roleUrl: string;

  beforeAll(async () => {
    owner = await startTestApp();
    // Identifiers cannot be bound parameters: ROLE is a constant of this file, the password is base64url.
    await owner.dataSource.query(
      `CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`,
    );
    const database = new URL(owner.databaseUrl).pathname.slice(1);
    for (const grant of [
      `GRANT CONNECT ON DATABASE "${database}" TO ${ROLE}`,
      `GRANT USAGE ON SCHEMA public TO ${ROLE}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ROLE}`,
      `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${ROLE}`,
    ]) {
      await owner.dataSource.query(grant);
    }
    const url = new URL(owner.databaseUrl);
    url.username = ROLE;
    url.password = PASSWORD;
    roleUrl = url.toString();
    // The app starts on the role: the migrations are all applied, so it only reads their table.
    app = await startTestApp({ sharedDatabaseUrl: roleUrl });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await owner?.dataSource.query(`DROP OWNED BY ${ROLE}`).catch(() => undefined);
    await owner?.close();
    await withServer((db) => db.query(`DROP ROLE IF EXISTS ${ROLE}`));
  });

  const asRole = async <T>(work: (db: pg.Client) => Promise<T>): Promise<T> => {
    const db = new pg.Client({ connectionString: roleUrl });
    await db.connect();
    try {
      return await work(db);
    } finally {
      await db.end();
    }
  };

  it('runs the app: sign-in, a ticket with a reply and a status change, and a tick of every job', async () => {
    const [{ rolsuper, owns }] = await app.dataSource.query(
      `SELECT r.rolsuper, EXISTS (SELECT 1 FROM pg_tables WHERE tableowner = current_user) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect({ rolsuper, owns }).toEqual({ rolsuper: false, owns: false });

    const dept = await createDepartment(owner.dataSource, { name: 'Parks' });
    const requester = await createUser(owner.dataSource, { role: 'requester', departmentId: dept.id });
    const tech = await createUser(owner.dataSource, { role: 'technician' });
    const employee = app.client();
    expect((await employee.login(requester.email, requester.password)).status).toBe(200);
    const filed = await employee.post('/api/tickets', { title: 'Printer jam', impact: 'one_person', urgency: 'inconvenience' });
    expect(filed.status).toBe(201);
    const staff = app.client();
    await staff.login(tech.email, tech.password);
    const reply = await staff.post(`/api/tickets/${filed.body.id}/comments`, { body: 'On my way', internal: false });
    expect(reply.status).toBe(201);
    const current = await staff.get(`/api/tickets/${filed.body.id}`);
    const moved = await staff.patch(`/api/tickets/${filed.body.id}`, { version: current.body.version, status: 'in_progress' });
    expect(moved.status).toBe(200);

    const runner = app.app.get(JobRunner);
    expect(runner.jobNames.length).toBeGreaterThan(3);
    for (const name of runner.jobNames) {
      const result = await runner.tick(name);
      expect({ name, ran: result.ran }).toEqual({ name, ran: true });
    }
    const [{ failed }] = await owner.dataSource.query(`SELECT count(*)::int AS failed FROM job_runs WHERE NOT succeeded`);
    expect(failed).toBe(0);
  });

  it('cannot rewrite history nor switch off the triggers that guard it', async () => {
    const refusals = await asRole(async (db) => {
      const tries = {
        updateEvent: `UPDATE ticket_events SET data = '{}' WHERE id = (SELECT min(id) FROM ticket_events)`,
        deleteEvent: `DELETE FROM ticket_events WHERE id = (SELECT min(id) FROM ticket_events)`,
        deleteAudit: `DELETE FROM audit_log`,
        truncateAudit: `TRUNCATE audit_log`,
        disableTrigger: `ALTER TABLE ticket_events DISABLE TRIGGER ticket_events_append_only`,
        dropTrigger: `DROP TRIGGER audit_log_append_only ON audit_log`,
        replicaMode: `SET session_replication_role = replica`,
        createTable: `CREATE TABLE shadow (id int)`,
      };
      const answers: Record<string, string> = {};
      for (const [name, sql] of Object.entries(tries)) {
        answers[name] = await db.query(sql).then(
          () => 'accepted',
          (error: { code?: string; message: string }) => `${error.code}: ${error.message}`,
        );
      }
      return answers;
    });
    // The append-only triggers refuse whoever asks; the rest needs the owner or a superuser.
    expect(refusals).toEqual({
      updateEvent: '42501: ticket_events is append-only',
      deleteEvent: '42501: ticket_events is append-only',
      deleteAudit: '42501: audit_log is append-only',
      truncateAudit: '42501: permission denied for table audit_log',
      disableTrigger: '42501: must be owner of table ticket_events',
      dropTrigger: '42501: must be owner of relation audit_log',
      replicaMode: '42501: permission denied to set parameter "session_replication_role"',
      createTable: '42501: permission denied for schema public',
    });
    const [{ events }] = await owner.dataSource.query(`SELECT count(*)::int AS events FROM ticket_events`);
    expect(events).toBeGreaterThan(0);
  });
});
