import { describe, expect, it } from '@jest/globals';
import { people } from './people.js';
import { Random } from './random.js';

describe(people.name, () => {
  it('names people with distinct e-mails, none already taken, the same for the same seed', () => {
    const taken = new Set(['maria.garcia@civicdesk.test']);
    const folks = people(Random.seeded(1), 300, taken);
    expect(folks).toHaveLength(300);
    expect(new Set(folks.map((p) => p.email)).size).toBe(300);
    expect(folks.some((p) => taken.has(p.email))).toBe(false);
    expect(folks[0]!.email).toMatch(/^[a-z]+\.[a-z]+@civicdesk\.test$/);
    expect(people(Random.seeded(1), 300, taken)).toEqual(folks);
  });
});
