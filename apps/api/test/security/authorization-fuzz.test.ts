import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Random } from '../../src/database/seed/history/random.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { FAMILIES } from './support/authorization-checks.js';
import { mismatchReport, runChecks, type Mismatch } from './support/check-runner.js';
import { LIST_PROBES } from './support/list-checks.js';
import {
  buildSecurityWorld,
  checksPerFamily,
  clientOf,
  securitySeed,
  securityTimeout,
  type SecurityWorld,
} from './support/security-world.js';

/**
 * Authorization fuzzing (issue 8): random (user, record, action) checks on every record-scoped
 * route family, over real HTTP against the real database, compared with the independent model in
 * support/access-model.ts. Allowed answers 2xx; a record the caller may not see answers exactly
 * like a missing one; a visible record the caller may not act on is refused. Zero mismatches.
 */
describe('authorization fuzzing', () => {
  const seed = securitySeed(20_260_302);
  const perFamily = checksPerFamily();
  let t: TestApp;
  let world: SecurityWorld;

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildSecurityWorld(t, seed);
  }, 300_000);
  afterAll(() => t?.close());

  describe.each(FAMILIES.map((f, index) => ({ ...f, index })))('$name', ({ name, make, index }) => {
    it(
      `agrees with the model on ${perFamily} random (user, record, action) checks`,
      async () => {
        const rng = Random.seeded(seed + 7919 * (index + 1));
        const checks = Array.from({ length: perFamily }, () => make(world, rng));
        const { mismatches, outcomes } = await runChecks(checks, (user) => clientOf(world, user));
        if (mismatches.length) throw new Error(mismatchReport(name, seed, mismatches));
        expect(checks.length).toBeGreaterThanOrEqual(500);
        // Both sides of the rules were tried: allowed requests and records the caller may not see.
        expect(outcomes.ok).toBeGreaterThan(perFamily / 20);
        expect(outcomes['as-missing']).toBeGreaterThan(perFamily / 20);
      },
      securityTimeout(300_000),
    );
  });

  // After the families' writes, so lists are compared on the state those writes left.
  describe.each(LIST_PROBES.map((p, index) => ({ ...p, index })))('list: $name', ({ name, probe, perUser, index }) => {
    it('holds, for every user, exactly the records the model lets them see, across every page', async () => {
      const rng = Random.seeded(seed + 104_729 * (index + 1));
      const mismatches: Mismatch[] = [];
      let probes = 0;
      for (const user of world.users) {
        const runs = Array.from({ length: perUser }, () => probe(world, rng, user));
        for (const found of await Promise.all(runs)) mismatches.push(...found);
        probes += perUser;
      }
      if (mismatches.length) throw new Error(mismatchReport(name, seed, mismatches));
      expect(probes).toBe(world.users.length * perUser);
    }, 300_000);
  });
});
