import { describe, expect, it } from '@jest/globals';
import { dueCountdown, formatMinutes } from './due-countdown';

const NOW = Date.parse('2025-03-10T14:00:00Z');
const at = (minutesFromNow: number, seconds = 0) => new Date(NOW + minutesFromNow * 60_000 + seconds * 1000).toISOString();

describe(dueCountdown.name, () => {
  it.each([
    [at(130), 'due in 2 h 10 min', false],
    [at(120), 'due in 2 h', false],
    [at(45, 59), 'due in 45 min', false],
    [at(0, 20), 'due in under 1 min', false],
    [at(26 * 60 + 5), 'due in 1 d 2 h', false],
    [at(-15), 'overdue by 15 min', true],
    [at(-15, -40), 'overdue by 15 min', true],
    [at(-(3 * 60 + 1)), 'overdue by 3 h 1 min', true],
    [at(-(2 * 24 * 60)), 'overdue by 2 d', true],
  ])('describes %s as "%s"', (dueAt, text, overdue) => {
    expect(dueCountdown(dueAt, NOW)).toEqual({ text, overdue });
  });

  it('turns overdue the moment the due time passes', () => {
    expect(dueCountdown(at(0), NOW).overdue).toBe(false);
    expect(dueCountdown(at(0, -1), NOW)).toEqual({ text: 'overdue by under 1 min', overdue: true });
  });
});

describe(formatMinutes.name, () => {
  it('uses the two largest units', () => {
    expect(formatMinutes(59)).toBe('59 min');
    expect(formatMinutes(61)).toBe('1 h 1 min');
    expect(formatMinutes(24 * 60)).toBe('1 d');
  });

  it('counts business time in hours, never days', () => {
    expect(formatMinutes(27 * 60 + 5, { days: false })).toBe('27 h 5 min');
    expect(formatMinutes(24 * 60, { days: false })).toBe('24 h');
    expect(formatMinutes(45, { days: false })).toBe('45 min');
  });
});
