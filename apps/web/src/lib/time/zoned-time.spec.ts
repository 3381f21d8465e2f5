import { describe, expect, it } from '@jest/globals';
import { dateInZone, formatShortInZone, instantInZone, nextWeekdayAt } from './zoned-time';

const FRIDAY = 5;

describe(instantInZone.name, () => {
  it('reads a wall-clock time in the given zone, in winter and in summer', () => {
    expect(instantInZone('2026-11-27T16:30', 'America/New_York')?.toISOString()).toBe('2026-11-27T21:30:00.000Z');
    expect(instantInZone('2026-07-03T16:30', 'America/New_York')?.toISOString()).toBe('2026-07-03T20:30:00.000Z');
    expect(instantInZone('2026-11-27T16:30', 'Europe/Berlin')?.toISOString()).toBe('2026-11-27T15:30:00.000Z');
  });

  it('gives null for text that is not a date and time', () => {
    expect(instantInZone('', 'UTC')).toBeNull();
    expect(instantInZone('2026-11-27', 'UTC')).toBeNull();
  });
});

describe(nextWeekdayAt.name, () => {
  it('finds the next Friday in the zone’s own date, a week ahead when today is Friday there', () => {
    // Thursday 26 Nov 2026, 23:00 in New York, already Friday in UTC.
    const thursdayEvening = new Date('2026-11-27T04:00:00Z');
    expect(nextWeekdayAt(thursdayEvening, 'America/New_York', FRIDAY, 16, 30)).toBe('2026-11-27T16:30');
    expect(nextWeekdayAt(thursdayEvening, 'UTC', FRIDAY, 16, 30)).toBe('2026-12-04T16:30');
  });

  it('crosses month and year ends', () => {
    expect(nextWeekdayAt(new Date('2026-12-28T12:00:00Z'), 'UTC', FRIDAY, 9, 5)).toBe('2027-01-01T09:05');
  });
});

describe(formatShortInZone.name, () => {
  it('says the weekday, date and 24-hour time as the zone’s clocks show it', () => {
    const instant = new Date('2026-11-27T21:30:00Z');
    expect(formatShortInZone(instant, 'America/New_York')).toBe('Fri 27 Nov 16:30');
    expect(formatShortInZone(instant, 'Asia/Tokyo')).toBe('Sat 28 Nov 06:30');
  });
});

describe(dateInZone.name, () => {
  it('says the date the zone’s calendars show, which may differ from UTC’s', () => {
    // 23:30 on 1 March in New York is already 2 March in UTC.
    const instant = new Date('2026-03-02T04:30:00Z');
    expect(dateInZone(instant, 'America/New_York')).toBe('2026-03-01');
    expect(dateInZone(instant, 'UTC')).toBe('2026-03-02');
  });
});
