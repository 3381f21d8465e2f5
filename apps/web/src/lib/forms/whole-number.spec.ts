import { describe, expect, it } from '@jest/globals';
import { wholeNumberIn } from './whole-number';

describe(wholeNumberIn.name, () => {
  it.each([
    [90, 1, 1440, 90],
    [1440, 1, 1440, 1440],
    [1441, 1, 1440, null],
    [0, 1, 1440, null],
    [1.5, 1, 1440, null],
    ['', 1, 1440, null],
    ['12', 1, 1440, null],
  ])('reads %p within %i–%i as %p', (value, min, max, expected) => {
    expect(wholeNumberIn(value, min, max)).toBe(expected);
  });
});
