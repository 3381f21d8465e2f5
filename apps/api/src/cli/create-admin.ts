import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PasswordHasher } from '../common/security/password-hasher.js';
import { passwordProblem } from '../common/security/password-policy.js';
import { SystemClock } from '../common/time/clock.js';
import { loadConfig } from '../config/app-config.js';
import { systemAuditLog } from '../modules/audit/audit-log.service.js';
import { fail, openCliDatabase } from './cli-database.js';

const USAGE = `Creates an admin (for a city without demo data).

  npm run create-admin -- --email it.director@city.gov --name "Pat Director" [--department IT] [--password-stdin]

Without --password-stdin a strong temporary password is generated and printed; it must be
changed at first sign-in.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      department: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const email = values.email?.trim().toLowerCase();
  const name = values.name?.trim();
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) fail(`--email: an e-mail address is required\n\n${USAGE}`);
  if (!name) fail(`--name: a name is required\n\n${USAGE}`);

  const chosen = values['password-stdin'] ? await readStdin() : undefined;
  const password = chosen ?? randomBytes(15).toString('base64url');
  const problem = passwordProblem(password, { email, name });
  if (problem) fail(`password: ${problem}`);

  const config = loadConfig();
  const database = await openCliDatabase(config);
  try {
    const passwordHash = await new PasswordHasher().hash(password);
    // An admin made from the command line is audited like one made in the app, with no actor.
    const audit = systemAuditLog(database.dataSource, new SystemClock());
    await database.dataSource.transaction(async (manager) => {
      const [taken] = await manager.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [email]);
      if (taken) fail(`--email: a user with ${email} already exists`);
      let departmentId: string | null = null;
      if (values.department) {
        const [department] = await manager.query(`SELECT id FROM departments WHERE code = $1`, [values.department.toUpperCase()]);
        if (!department) fail(`--department: no department has the code ${values.department}`);
        departmentId = department.id;
      }
      const [user]: { id: string }[] = await manager.query(
        `INSERT INTO users (email, name, role, department_id, password_hash, must_change_password, password_changed_at, created_at, updated_at)
         VALUES ($1, $2, 'admin', $3, $4, $5, now(), now(), now()) RETURNING id`,
        [email, name, departmentId, passwordHash, chosen === undefined],
      );
      await audit.record(manager, {
        action: 'user.created',
        targetId: user!.id,
        detail: { email, role: 'admin', departmentId, via: 'create-admin' },
      });
    });
  } finally {
    await database.close();
  }
  process.stdout.write(`Created admin ${email}.\n`);
  if (chosen === undefined) process.stdout.write(`Temporary password (change it at first sign-in): ${password}\n`);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
