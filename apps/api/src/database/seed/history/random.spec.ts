import { describe, expect, it } from '@jest/globals';
import { Random } from './random.js';

const draws = (r: Random, n = 5) => Array.from({ length: n }, () => r.float());

describe(Random.name, () => {
  it('gives the same numbers for the same seed, and other numbers for another', () => {
    expect(draws(Random.seeded(311))).toEqual(draws(Random.seeded(311)));
    expect(draws(Random.seeded(311))).not.toEqual(draws(Random.seeded(312)));
  });

  it('forks streams that do not change when another stream draws more', () => {
    const a = Random.seeded(7);
    const first = a.fork();
    first.float();
    first.float();
    const second = a.fork();
    const b = Random.seeded(7);
    b.fork();
    expect(draws(second)).toEqual(draws(b.fork()));
    expect(draws(second)).not.toEqual(draws(first));
  });

  it('draws Poisson counts, log-normal amounts and weighted picks with the asked-for centre', () => {
    const r = Random.seeded(1);
    const n = 20_000;
    const counts = Array.from({ length: n }, () => r.poisson(2.5));
    expect(counts.reduce((a, b) => a + b, 0) / n).toBeCloseTo(2.5, 1);
    expect(Math.min(...counts)).toBe(0);
    const big = Array.from({ length: 2_000 }, () => r.poisson(60));
    expect(big.reduce((a, b) => a + b, 0) / big.length).toBeCloseTo(60, 0);
    const amounts = Array.from({ length: n }, () => r.logNormal(40, 0.6)).sort((a, b) => a - b);
    expect(amounts[n / 2]).toBeGreaterThan(38);
    expect(amounts[n / 2]).toBeLessThan(42);
    const picks = Array.from({ length: n }, () =>
      r.weighted([
        ['a', 3],
        ['b', 1],
      ]),
    );
    expect(picks.filter((p) => p === 'a').length / n).toBeCloseTo(0.75, 1);
    const ints = Array.from({ length: 1_000 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });
});
