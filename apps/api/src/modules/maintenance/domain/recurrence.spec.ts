import { daysAfterAt, daysBefore, describeRule, nextOccurrences, occurrencesBetween, type Recurrence } from './recurrence.js';

const NY = 'America/New_York';
const plan = (rule: string, startsOn = '2026-01-01', extra: Partial<Recurrence> = {}): Recurrence => ({
  rule,
  startsOn,
  dueTime: '08:00',
  endsOn: null,
  timeZone: NY,
  ...extra,
});
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('recurrence', () => {
  it('every 2nd Tuesday stays at 08:00 local across the spring-forward week', () => {
    const r = plan('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2');
    expect(iso(nextOccurrences(r, new Date('2026-02-01T00:00:00Z'), 3))).toEqual([
      '2026-02-10T13:00:00.000Z', // EST
      '2026-03-10T12:00:00.000Z', // EDT, two days after the change
      '2026-04-14T12:00:00.000Z',
    ]);
    expect(describeRule(r)).toBe('every month on the 2nd Tuesday');
  });

  it('the first weekday of each quarter', () => {
    const r = plan('FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1');
    expect(iso(nextOccurrences(r, new Date('2026-01-01T00:00:00Z'), 4))).toEqual([
      '2026-01-01T13:00:00.000Z',
      '2026-04-01T12:00:00.000Z',
      '2026-07-01T12:00:00.000Z',
      '2026-10-01T12:00:00.000Z',
    ]);
    expect(describeRule(r)).toBe('every 3 months on the 1st weekday');
  });

  it('every 6 months, and the last day of every month at month ends', () => {
    expect(iso(nextOccurrences(plan('FREQ=MONTHLY;INTERVAL=6', '2026-03-15'), new Date('2026-01-01T00:00:00Z'), 3))).toEqual([
      '2026-03-15T12:00:00.000Z',
      '2026-09-15T12:00:00.000Z',
      '2027-03-15T12:00:00.000Z',
    ]);
    const monthEnd = plan('FREQ=MONTHLY;BYMONTHDAY=-1');
    expect(iso(occurrencesBetween(monthEnd, new Date('2026-01-15T00:00:00Z'), new Date('2026-04-15T00:00:00Z')))).toEqual([
      '2026-01-31T13:00:00.000Z',
      '2026-02-28T13:00:00.000Z',
      '2026-03-31T12:00:00.000Z',
    ]);
  });

  it('keeps exact bounds and the end date', () => {
    const r = plan('FREQ=WEEKLY;BYDAY=MO', '2026-03-02', { endsOn: '2026-03-16' });
    expect(iso(occurrencesBetween(r, new Date('2026-03-02T13:00:00Z'), new Date('2027-01-01T00:00:00Z')))).toEqual([
      '2026-03-02T13:00:00.000Z',
      '2026-03-09T12:00:00.000Z',
      '2026-03-16T12:00:00.000Z',
    ]);
    expect(iso(occurrencesBetween(r, new Date('2026-03-02T13:00:01Z'), new Date('2026-03-09T12:00:00Z')))).toEqual([
      '2026-03-09T12:00:00.000Z',
    ]);
  });

  it('counts lead days and after-completion days in local calendar days', () => {
    expect(daysBefore(new Date('2026-03-10T12:00:00Z'), 7, NY).toISOString()).toBe('2026-03-03T13:00:00.000Z');
    expect(daysAfterAt(new Date('2026-03-06T22:30:00Z'), 30, '08:00', NY).toISOString()).toBe('2026-04-05T12:00:00.000Z');
  });

  it('refuses rules it cannot run, with a message', () => {
    expect(() => nextOccurrences(plan('every tuesday'), new Date(), 1)).toThrow(RangeError);
    expect(() => nextOccurrences(plan('FREQ=HOURLY'), new Date(), 1)).toThrow('at most daily');
    expect(() => nextOccurrences(plan('FREQ=DAILY;UNTIL=20270101T000000Z'), new Date(), 1)).toThrow('endsOn');
  });
});
