import { describe, expect, it } from '@jest/globals';
import { copyMondayToWeekdays, describeWeek, fromWeek, nextWindow, toWeek, weekErrors } from './weekly-hours';

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));

describe(toWeek.name, () => {
  it('gives seven days, Monday first, each day’s windows by start time, and back', () => {
    const windows = [
      { day: 1, start: '13:00', end: '17:00' },
      { day: 1, start: '08:00', end: '12:00' },
      { day: 0, start: '12:00', end: '17:00' },
    ];
    const week = toWeek(windows);
    expect(week.map((day) => day.day)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(week[0]?.windows).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(fromWeek(week)).toEqual([
      { day: 1, start: '08:00', end: '12:00' },
      { day: 1, start: '13:00', end: '17:00' },
      { day: 0, start: '12:00', end: '17:00' },
    ]);
  });
});

describe(copyMondayToWeekdays.name, () => {
  it('copies Monday to Tuesday–Friday and leaves the weekend alone', () => {
    const week = toWeek([
      { day: 1, start: '08:00', end: '12:00' },
      { day: 1, start: '13:00', end: '17:00' },
      { day: 3, start: '09:00', end: '10:00' },
      { day: 6, start: '10:00', end: '14:00' },
    ]);
    expect(fromWeek(copyMondayToWeekdays(week))).toEqual([
      ...[1, 2, 3, 4, 5].flatMap((day) => [
        { day, start: '08:00', end: '12:00' },
        { day, start: '13:00', end: '17:00' },
      ]),
      { day: 6, start: '10:00', end: '14:00' },
    ]);
  });
});

describe(describeWeek.name, () => {
  it.each([
    ['Mon–Fri 08:00–17:00', weekdays('08:00', '17:00')],
    ['Mon–Fri 08:00–17:00; Sat 10:00–14:00', [...weekdays('08:00', '17:00'), { day: 6, start: '10:00', end: '14:00' }]],
    ['Every day 00:00–24:00', [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' }))],
    ['Wed 09:00–12:00', [{ day: 3, start: '09:00', end: '12:00' }]],
    ['Closed every day', []],
  ])('says "%s"', (text, windows) => {
    expect(describeWeek(windows)).toBe(text);
  });
});

describe(nextWindow.name, () => {
  it('offers office hours on a closed day, else the hour after the last window', () => {
    expect(nextWindow([])).toEqual({ start: '08:00', end: '17:00' });
    expect(nextWindow([{ start: '08:00', end: '12:00' }])).toEqual({ start: '12:00', end: '13:00' });
    expect(nextWindow([{ start: '20:00', end: '23:30' }])).toEqual({ start: '23:30', end: '24:00' });
    expect(nextWindow([{ start: '20:00', end: '24:00' }])).toEqual({ start: '', end: '' });
  });
});

describe(weekErrors.name, () => {
  it('accepts touching windows and an end at 24:00', () => {
    const week = toWeek([
      { day: 1, start: '08:00', end: '12:00' },
      { day: 1, start: '12:00', end: '24:00' },
    ]);
    expect(weekErrors(week)).toEqual({});
  });

  it('puts each problem on its field', () => {
    const week = toWeek([
      { day: 1, start: '8:00', end: '17:00' },
      { day: 2, start: '17:00', end: '09:00' },
      { day: 3, start: '08:00', end: '12:00' },
      { day: 3, start: '11:00', end: '13:00' },
      { day: 4, start: '24:00', end: '24:30' },
    ]);
    expect(weekErrors(week)).toEqual({
      'week.0.windows.0.start': 'Use HH:MM, 00:00 to 23:59',
      'week.1.windows.0.end': 'Must be after the start',
      'week.2.windows.1.start': 'Overlaps 08:00–12:00',
      'week.3.windows.0.start': 'Use HH:MM, 00:00 to 23:59',
      'week.3.windows.0.end': 'Use HH:MM, up to 24:00',
    });
  });
});
