import fc from 'fast-check';
import type { Schema } from './openapi-catalog.js';

/**
 * Hostile values for a parameter, by its schema: a fixed corpus every parameter meets (wrong
 * types, huge and strange strings, NUL bytes, SQL, prototype keys, nested structures, invalid
 * dates, out-of-range and non-finite numbers, unknown enum values), and a fast-check arbitrary
 * for random ones of the same families.
 */

const SQL = [
  "'; DROP TABLE tickets; --",
  "1' OR '1'='1",
  'created_at;drop table users',
  '$1',
  "\\'; SELECT pg_sleep(0); --",
  '%_%',
];
const UNICODE = ['😀🏛️‍🔥', 'ـمرحبا‮', 'e\u0301\u0301\u0301', 'Ａｄｍｉｎ', '\u202e\u2066', '\ud800'];
const CONTROL = ['\u0000', 'a\u0000b', '\u0007\u001b[31m', '\r\n\r\nX-Injected: 1'];
const PROTO = ['__proto__', 'constructor', 'prototype', '{"__proto__":{"admin":true}}'];
const STRUCTURES: unknown[] = [
  null,
  [],
  {},
  ['a', 'b'],
  { $gt: '' },
  { __proto__: null, constructor: { prototype: { polluted: true } } },
  [[[[[['deep']]]]]],
];
const HUGE = 'x'.repeat(200_000);
const DATES = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '-001000-01-01',
  '275760-09-14',
  '2026-02-20T25:61:00Z',
  'yesterday',
  '2026-02-20 12:00',
];
const NUMBERS: unknown[] = [-1, 0, 1.5, -0.000001, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, '12', '1e3', 'NaN', 'Infinity'];

/**
 * The corpus for one parameter: values of every family that are wrong for its type. The first
 * two (null, and a value of the wrong type) are the ones that broke most often; a sampled run
 * always keeps them.
 */
export const ALWAYS_PROBED = 2;
export function corpus(schema: Schema): unknown[] {
  const wrongTypes: unknown[] = [];
  switch (schema.type) {
    case 'integer':
    case 'number':
      wrongTypes.push('one', true, ...NUMBERS);
      break;
    case 'boolean':
      wrongTypes.push('yes', 1, 0, 'true ', 'null');
      break;
    case 'array':
      wrongTypes.push(
        'not-an-array',
        42,
        Array.from({ length: 5_000 }, () => 'x'),
        [null],
        [{}],
      );
      break;
    case 'object':
      wrongTypes.push('not-an-object', 42, [], { unknownKey: 1 });
      break;
    default:
      wrongTypes.push(42, true, -1);
      if (schema.format === 'date' || schema.format === 'date-time') wrongTypes.push(...DATES);
      if (schema.format === 'uuid')
        wrongTypes.push('00000000-0000-0000-0000-00000000000g', 'not-a-uuid', '00000000-0000-4000-8000-000000000000');
  }
  if (schema.enum?.length) wrongTypes.push(...unknownEnumValues(schema.enum));
  const [wrong, ...rest] = wrongTypes;
  return [null, wrong, ...rest, ...STRUCTURES.slice(1), HUGE, ...SQL, ...UNICODE, ...CONTROL, ...PROTO];
}

/** Close misses of allowed values: another case, padding, a neighbour, a different type. */
function unknownEnumValues(values: readonly unknown[]): unknown[] {
  const first = String(values[0]);
  return [
    first.toUpperCase() === first ? first.toLowerCase() : first.toUpperCase(),
    ` ${first}`,
    `${first};`,
    'P0',
    'superadmin',
    values,
  ];
}

/** Random hostile values of the same families, for fast-check to draw from. */
export function hostileValue(schema: Schema): fc.Arbitrary<unknown> {
  const strings = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constantFrom(...SQL, ...UNICODE, ...CONTROL, ...PROTO, ...DATES),
    fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.repeat(2_000)),
  );
  const numbers = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => Number(n)),
  );
  const structures = fc.oneof(
    fc.constantFrom(...STRUCTURES),
    fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 8 }),
    fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'a', '$where', 'toString'),
      fc.oneof(fc.string(), fc.integer(), fc.object()),
    ),
    fc.object({ maxDepth: 4 }),
  );
  switch (schema.type) {
    case 'integer':
    case 'number':
      return fc.oneof(numbers, strings, structures, fc.boolean());
    case 'boolean':
      return fc.oneof(strings, numbers, structures);
    default:
      return fc.oneof(strings, numbers, structures, fc.boolean());
  }
}

/** How a value travels in a query string: a scalar as text, an array as a repeated key. */
export function queryForms(value: unknown): string[] | string {
  if (Array.isArray(value))
    return value.length ? value.slice(0, 50).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? 'undefined';
}
