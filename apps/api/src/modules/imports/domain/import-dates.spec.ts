import { describe, expect, it } from '@jest/globals';
import { dateFormatProblem, dateIn, dateReader, isKnownTimeZone } from './import-dates.js';

describe('import dates', () => {
  it('accepts patterns that read a whole date, and ISO; refuses the rest', () => {
    for (const ok of ['d/M/yyyy H:mm', 'yyyy-MM-dd', 'MM/dd/yyyy hh:mm a', "yyyy-MM-dd'T'HH:mm:ssZZ", 'ISO']) {
      expect(dateFormatProblem(ok)).toBeNull();
    }
    for (const bad of ['', 'HH:mm', 'yyyy', 'x'.repeat(65)]) expect(dateFormatProblem(bad)).toEqual(expect.any(String));
    // Patterns luxon throws on (an ordinal day with a month) are a problem to report, not an exception.
    for (const bad of ['created_at;drop table users', 'o MM yyyy']) expect(dateFormatProblem(bad)).toMatch(/not a date pattern/);
    expect(isKnownTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('reads local times in the zone, across DST, and refuses times that do not exist there', () => {
    const read = dateReader('d/M/yyyy H:mm', 'America/New_York');
    expect(read('2/2/2026 9:00')).toEqual({ at: new Date('2026-02-02T14:00:00Z') });
    expect(read('9/3/2026 09:00')).toEqual({ at: new Date('2026-03-09T13:00:00Z') });
    // Clocks go back on 1 Nov 2026: 01:30 happens twice; the standard-time one (EST) is taken.
    expect(read('1/11/2026 1:30')).toEqual({ at: new Date('2026-11-01T06:30:00Z') });
    expect(read('8/3/2026 2:30')).toEqual({ problem: expect.stringContaining('does not exist') });
    expect(read('31/2/2026 9:00')).toEqual({ problem: 'not a date in the format d/M/yyyy H:mm' });
  });

  it('reads ISO 8601, with its own offset when it has one', () => {
    const read = dateReader('ISO', 'America/New_York');
    expect(read('2026-02-02T09:00')).toEqual({ at: new Date('2026-02-02T14:00:00Z') });
    expect(read('2026-02-02T09:00:00+01:00')).toEqual({ at: new Date('2026-02-02T08:00:00Z') });
    expect(dateIn(new Date('2026-02-03T03:00:00Z'), 'America/New_York')).toBe('2026-02-02');
  });
});
