import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.js';
import type { Role } from './support/access-model.js';
import { changedTables, fingerprint } from './support/db-fingerprint.js';
import { buildFuzzFixture, pathValues, send, validBody, validQuery, type FuzzFixture } from './support/fuzz-fixture.js';
import { fillPath, operations, type Operation } from './support/openapi-catalog.js';
import { securitySeed, securityTimeout } from './support/security-world.js';

/**
 * Mass assignment (issue 8): every JSON write route of the OpenAPI document, from every role,
 * with a valid body plus generated sets of protected fields (ids, owners, role, requester,
 * department, queue, priority, status, version, costs and totals, timestamps). The global
 * ValidationPipe whitelists with forbidNonWhitelisted, so the API refuses rather than ignores:
 * every such request must be a 4xx that names each unknown field (400) or each field the role
 * may not set (403 forbidden_fields), and must leave every table exactly as it was.
 */
const ROLES: readonly Role[] = ['requester', 'technician', 'manager', 'admin'];
const RUNS = process.env.SECURITY_LONG === '1' ? 30 : 3;

/** Fields no body may set, with values that would matter if taken (other people's and records' ids). */
function protectedValues(fx: FuzzFixture): Record<string, unknown> {
  const past = '2001-01-01T00:00:00Z';
  return {
    id: fx.ids.policeDepartment,
    createdAt: past,
    updatedAt: past,
    createdById: fx.users.target.id,
    authorId: fx.users.target.id,
    requesterId: fx.users.target.id,
    departmentId: fx.ids.policeDepartment,
    queueId: fx.ids.spareQueue,
    assigneeId: fx.users.technician2.id,
    userId: fx.users.technician2.id,
    ticketId: fx.ids.ticket,
    priority: 'P1',
    priorityReason: 'Mass assignment',
    status: 'resolved',
    workClass: 'proactive',
    kind: 'maintenance',
    number: 'INC-000001',
    source: 'import',
    version: 999,
    role: 'admin',
    active: true,
    mustChangePassword: false,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    internal: true,
    systemKey: 'service_desk',
    labourMinutes: 99_999,
    labourCostCents: 1,
    expenseCents: 1,
    totalCents: 1,
    costCents: 1,
    rateCents: 1,
    dueAt: past,
    resolvedAt: past,
    firstResponseAt: past,
    slaPolicyVersionId: fx.ids.policy,
    reopenCount: 0,
    isAdmin: true,
    permissions: ['*'],
  };
}

/**
 * Fields a route takes, but not from this role (model, from the issues): a requester files for
 * themself only and edits only a ticket's public facts; only staff who work a ticket write
 * internal notes; a technician logs their own time, not a colleague's.
 */
const ROLE_RESTRICTED: Record<string, Partial<Record<Role, string[]>>> = {
  'POST /api/tickets': { requester: ['requesterId'] },
  'PATCH /api/tickets/{id}': {
    requester: ['status', 'priority', 'priorityReason', 'workClass', 'queueId', 'assigneeId', 'requesterId', 'departmentId'],
  },
  'POST /api/tickets/{id}/comments': { requester: ['internal'] },
  'POST /api/tickets/{id}/work-logs': { technician: ['userId'] },
};

function pool(op: Operation, role: Role, values: Record<string, unknown>): { unknown: string[]; restricted: string[] } {
  const taken = new Set(Object.keys(op.body?.schema.properties ?? {}));
  return {
    unknown: Object.keys(values).filter((f) => !taken.has(f)),
    restricted: ROLE_RESTRICTED[op.key]?.[role] ?? [],
  };
}

describe('mass assignment', () => {
  const seed = securitySeed(20_260_305);
  let t: TestApp;
  let fx: FuzzFixture;
  let clients: Record<Role, ApiClient>;

  beforeAll(async () => {
    t = await startTestApp();
    fx = await buildFuzzFixture(t);
    clients = fx.clients;
  }, 300_000);
  afterAll(() => t?.close());

  const writes = operations().filter((op) => op.method !== 'GET' && op.body?.contentType === 'application/json');

  it('covers every JSON write route', () => {
    expect(writes.map((op) => op.key)).toEqual(expect.arrayContaining(Object.keys(ROLE_RESTRICTED)));
    expect(writes.length).toBeGreaterThan(30);
  });

  describe.each(writes.map((op, index) => ({ op, index, key: op.key })))('$key', ({ op, index }) => {
    it.each(ROLES)(
      'refuses protected fields from a %s, naming them, and changes nothing',
      async (role) => {
        const values = protectedValues(fx);
        const { unknown, restricted } = pool(op, role, values);
        const candidates = [...unknown, ...restricted];
        let refused = 0;
        await fc.assert(
          fc.asyncProperty(fc.subarray(candidates, { minLength: 1, maxLength: 5 }), async (fields) => {
            const base = (await validBody(fx, op)) as Record<string, unknown>;
            const body = { ...base, ...Object.fromEntries(fields.map((f) => [f, values[f]])) };
            const query = new URLSearchParams(validQuery(fx, op)).toString();
            const path = fillPath(op, pathValues(fx, op, role)) + (query ? `?${query}` : '');
            const before = await fingerprint(t.dataSource);
            const res = await send(clients[role], op, path, body);
            const after = await fingerprint(t.dataSource);
            const said = `${role} ${op.key} with ${fields.join(', ')}: ${res.status} ${JSON.stringify(res.body).slice(0, 240)}`;

            if (res.status < 400 || res.status >= 500) throw new Error(`not refused: ${said}`);
            const changed = changedTables(before, after);
            if (changed.length) throw new Error(`refused, yet changed ${changed.join(', ')}: ${said}`);
            const { code, details } = res.body as { code: string; details?: { field: string }[] };
            const named = new Set((details ?? []).map((d) => d.field));
            const addedUnknown = fields.filter((f) => unknown.includes(f));
            const addedRestricted = fields.filter((f) => restricted.includes(f));
            // Unknown fields are refused by the validation pipe, before any rule; the role's rules name their fields.
            if (code === 'validation_failed' && addedUnknown.some((f) => !named.has(f)))
              throw new Error(`does not name each unknown field: ${said}`);
            if (code === 'validation_failed' && addedUnknown.length === 0 && addedRestricted.some((f) => !named.has(f)))
              throw new Error(`does not name each refused field: ${said}`);
            if (code === 'forbidden_fields' && (addedUnknown.length > 0 || addedRestricted.some((f) => !named.has(f))))
              throw new Error(`forbidden_fields without naming each field: ${said}`);
            refused += 1;
          }),
          {
            seed: seed + index,
            numRuns: RUNS,
            // Always tried: the role's in-schema refusals alone (the service's rule), and unknown fields alone (the pipe's).
            examples: [restricted, unknown.slice(0, 5)].filter((e) => e.length > 0).map((e) => [e] as [string[]]),
            endOnFailure: true,
          },
        );
        expect(refused).toBeGreaterThanOrEqual(RUNS);
      },
      securityTimeout(180_000),
    );
  });
});
