import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Random } from '../../src/database/seed/history/random.js';
import { startTestApp, type ApiClient, type TestApp } from '../support/test-app.js';
import { ALWAYS_PROBED, corpus, hostileValue } from './support/bad-values.js';
import { buildFuzzFixture, type FuzzFixture } from './support/fuzz-fixture.js';
import { FuzzProbe, targetName, type Target } from './support/fuzz-probe.js';
import { operations, type Operation, type Schema } from './support/openapi-catalog.js';
import { securitySeed, securityTimeout, shuffle } from './support/security-world.js';

/**
 * Input fuzzing (issue 8): every query, path and body parameter of every route in the OpenAPI
 * document gets hostile values (wrong types, huge strings, unicode, NUL bytes, negative and huge
 * numbers, invalid dates, unknown enum values, nested objects and arrays, SQL, prototype keys).
 * Never a 5xx; a 400 names the field; a refused write leaves every table as it was.
 *
 * `npm run test:security` gives each parameter a seeded sample of the corpus and a few random values;
 * `npm run test:security:long` (SECURITY_LONG=1) gives each the whole corpus and more random ones.
 */
const LONG = process.env.SECURITY_LONG === '1';
const SAMPLE = LONG ? Infinity : 5;
const RANDOM_RUNS = LONG ? 25 : 2;

/** Routes not probed here, and why. */
const NOT_PROBED: Record<string, string> = {
  // Signing the fuzzing admin out would end the run; it takes no parameters anyway.
  'POST /api/auth/logout': 'no parameters',
};

/** Whole bodies: prototype keys, non-objects, broken and oversized JSON. `"$BASE"` stands for the valid body's fields. */
const RAW_BODIES: string[] = [
  '{"__proto__":{"polluted":"yes"},"$BASE"}',
  '{"constructor":{"prototype":{"polluted":"yes"}},"$BASE"}',
  '{"$BASE","__proto__":{"isAdmin":true}}',
  '[]',
  '"just a string"',
  '42',
  'null',
  '{"$BASE",',
  '{"a":1}{"b":2}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `{"$BASE","padding":"${'x'.repeat(1_100_000)}"}`,
];

function targets(op: Operation): { target: Target; schema: Schema }[] {
  const out: { target: Target; schema: Schema }[] = [];
  for (const p of op.pathParams) out.push({ target: { in: 'path', name: p.name }, schema: p.schema });
  for (const p of op.query) out.push({ target: { in: 'query', name: p.name }, schema: p.schema });
  if (op.body?.contentType === 'application/json') {
    for (const [name, schema] of Object.entries(op.body.schema.properties ?? {})) {
      out.push({ target: { in: 'body', name }, schema });
      for (const [child, childSchema] of Object.entries(schema.type === 'object' ? (schema.properties ?? {}) : {})) {
        out.push({ target: { in: 'nested', parent: name, name: child }, schema: childSchema });
      }
    }
  } else if (op.body) {
    out.push({ target: { in: 'body', name: 'body' }, schema: { type: 'string' } });
  }
  return out;
}

describe('input fuzzing', () => {
  const seed = securitySeed(20_260_308);
  let t: TestApp;
  let fx: FuzzFixture;
  let admin: ApiClient;
  let probe: FuzzProbe;

  beforeAll(async () => {
    t = await startTestApp();
    fx = await buildFuzzFixture(t);
    admin = fx.clients.admin;
    probe = new FuzzProbe(fx, admin);
  }, 300_000);
  afterAll(() => t?.close());

  const ops = operations().filter((op) => !(op.key in NOT_PROBED));

  it('probes every parameter of every route the OpenAPI document lists', () => {
    expect(ops.length).toBeGreaterThan(90);
    for (const op of ops) {
      const probed = targets(op).map(({ target }) => targetName(target));
      expect(probed).toEqual(expect.arrayContaining([...op.pathParams, ...op.query].map((p) => p.name)));
      const fields = Object.keys(op.body?.schema.properties ?? {});
      expect(probed).toEqual(expect.arrayContaining(op.body?.contentType === 'application/json' ? fields : []));
    }
  });

  describe.each(ops.map((op, index) => ({ op, index, key: op.key })))('$key', ({ op, index }) => {
    it(
      'answers every hostile parameter value with a 4xx naming the field (or accepts it), never a 5xx, never a half-write',
      async () => {
        const rng = Random.seeded(seed + 31 * index);
        let probes = 0;
        for (const { target, schema } of targets(op)) {
          const all = corpus(schema);
          const examples = [...all.slice(0, ALWAYS_PROBED), ...shuffle(rng, all.slice(ALWAYS_PROBED)).slice(0, SAMPLE)];
          await fc.assert(
            fc.asyncProperty(hostileValue(schema), async (value) => {
              const { problem, response } = await probe.probe(op, target, value);
              probes += 1;
              if (problem) {
                throw new Error(
                  `${op.key} ${target.in} ${targetName(target)} = ${JSON.stringify(value)?.slice(0, 120)}: ${problem} (status ${response.status})`,
                );
              }
            }),
            { seed: seed + index, numRuns: RANDOM_RUNS, examples: examples.map((v) => [v] as [unknown]), endOnFailure: true },
          );
        }
        if (op.body?.contentType === 'application/json') {
          for (const raw of RAW_BODIES) {
            const { problem, response } = await probe.probe(op, { in: 'raw', name: 'body' }, raw);
            probes += 1;
            if (problem) throw new Error(`${op.key} body ${raw.slice(0, 60)}: ${problem}`);
            // A JSON null body reads as no fields at all (a no-op for a route whose fields are all optional).
            if (raw !== 'null' && response.status < 400) throw new Error(`${op.key} accepted the body ${raw.slice(0, 60)}`);
          }
        }
        expect(probes).toBeGreaterThanOrEqual(targets(op).length);
      },
      securityTimeout(300_000),
    );
  });

  it.each([
    ['/api/tickets?sort=created_at;drop table tickets', 'sort'],
    ['/api/tickets?sort=t.id', 'sort'],
    ['/api/tickets?status=new,closed;drop table tickets', 'status'],
    ['/api/tickets?queueId=x%27%20OR%201=1', 'queueId'],
    ['/api/users?role=admin%27%20OR%20%271%27=%271', 'role'],
    ['/api/assets?type=laptop%3B%20select%201', 'type'],
    ['/api/reports/volume?groupBy=department;drop table users', 'groupBy'],
    ['/api/reports/spend?table=pg_user', 'table'],
    ['/api/reports/response-times?interval=day%27--', 'interval'],
  ])('takes sort and filter fields only from allowlists: %s is a 400 naming %s', async (path, field) => {
    const res = await admin.get(path);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
  });
});
