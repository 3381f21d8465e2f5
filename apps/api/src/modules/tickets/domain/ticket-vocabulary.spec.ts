import { describe, expect, it } from '@jest/globals';
import { defaultWorkClass, formatTicketNumber, TICKET_KINDS, WORK_CLASSES } from './ticket-vocabulary.js';

describe(defaultWorkClass.name, () => {
  it.each([
    ['incident', 'reactive'],
    ['service_request', 'service'],
    ['maintenance', 'proactive'],
  ] as const)('defaults a %s to %s work', (kind, workClass) => {
    expect(defaultWorkClass(kind)).toBe(workClass);
  });

  it('gives every kind a distinct work class of the vocabulary', () => {
    const classes = TICKET_KINDS.map((kind) => defaultWorkClass(kind));
    expect([...classes].sort()).toEqual([...WORK_CLASSES].sort());
  });
});

describe(formatTicketNumber.name, () => {
  it.each([
    ['incident', 123, 'INC-000123'],
    ['service_request', 45, 'REQ-000045'],
    ['maintenance', 678, 'MNT-000678'],
    ['incident', 1, 'INC-000001'],
    ['service_request', 999_999, 'REQ-999999'],
  ] as const)('formats %s number %d as %s', (kind, value, number) => {
    expect(formatTicketNumber(kind, value)).toBe(number);
  });

  it.each([
    ['incident', 1_000_000, 'INC-1000000'],
    ['service_request', 1_234_567, 'REQ-1234567'],
    ['maintenance', 123_456_789, 'MNT-123456789'],
  ] as const)('does not truncate a number of seven digits or more: %s %d → %s', (kind, value, number) => {
    expect(formatTicketNumber(kind, value)).toBe(number);
  });

  it('gives each kind its own prefix', () => {
    const prefixes = TICKET_KINDS.map((kind) => formatTicketNumber(kind, 7).split('-')[0]);
    expect(prefixes).toEqual(['INC', 'REQ', 'MNT']);
  });
});
