import { describe, expect, it } from '@jest/globals';
import { ANY_WEEKDAY, defaultParts, LAST_DAY, partsFromRule, ruleFromParts, type RecurrenceParts } from './recurrence-rule';

// Tuesday 10 March 2026.
const start = defaultParts('2026-03-10');
const parts = (overrides: Partial<RecurrenceParts>): RecurrenceParts => ({ ...start, ...overrides });

describe(ruleFromParts.name, () => {
  it.each([
    [
      'every 2nd Tuesday of the month',
      parts({ monthlyBy: 'position', position: 2, positionDay: 'TU' }),
      'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
    ],
    [
      'the first weekday of each quarter',
      parts({ interval: 3, monthlyBy: 'position', position: 1, positionDay: ANY_WEEKDAY }),
      'FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
    ],
    ['every 6 months on the 1st', parts({ interval: 6, monthDay: 1 }), 'FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=1'],
    ['the last day of each month', parts({ monthDay: LAST_DAY }), 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    [
      'the last Friday of each month',
      parts({ monthlyBy: 'position', position: -1, positionDay: 'FR' }),
      'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1',
    ],
    [
      'every other week on Monday and Thursday',
      parts({ frequency: 'weekly', interval: 2, weekdays: ['TH', 'MO'] }),
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
    ],
    ['every day', parts({ frequency: 'daily' }), 'FREQ=DAILY'],
    ['every year on 1 July', parts({ frequency: 'yearly', month: 7, monthDay: 1 }), 'FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1'],
  ])('writes %s', (_, choices, rule) => {
    expect(ruleFromParts(choices)).toBe(rule);
  });
});

describe(partsFromRule.name, () => {
  it('reads back every rule the builder writes', () => {
    const choices = [
      parts({ monthlyBy: 'position', position: 2, positionDay: 'TU' }),
      parts({ interval: 3, monthlyBy: 'position', position: 1, positionDay: ANY_WEEKDAY }),
      parts({ interval: 6, monthDay: 1 }),
      parts({ frequency: 'weekly', weekdays: ['MO', 'FR'] }),
      parts({ frequency: 'yearly', month: 11, monthDay: LAST_DAY }),
    ];
    for (const choice of choices) expect(partsFromRule(ruleFromParts(choice), start)).toEqual(choice);
  });

  it('reads the shapes people write by hand: a prefix, lower case, BYDAY=2TU', () => {
    expect(partsFromRule('RRULE:freq=monthly;byday=2TU', start)).toEqual(
      parts({ monthlyBy: 'position', position: 2, positionDay: 'TU' }),
    );
    expect(partsFromRule('FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR,TH,WE,TU,MO', start)).toEqual(
      parts({ monthlyBy: 'position', position: -1, positionDay: ANY_WEEKDAY }),
    );
  });

  it('keeps the choices a rule does not use, so switching frequency starts from them', () => {
    expect(partsFromRule('FREQ=DAILY;INTERVAL=2', start)).toEqual(parts({ frequency: 'daily', interval: 2 }));
  });

  it.each([
    ['text that is no RRULE', 'every tuesday'],
    ['a COUNT', 'FREQ=DAILY;COUNT=3'],
    ['hourly', 'FREQ=HOURLY'],
    ['several month days', 'FREQ=MONTHLY;BYMONTHDAY=1,15'],
    ['a month without a day', 'FREQ=MONTHLY;INTERVAL=6'],
    ['a 5th weekday', 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=5'],
    ['several weekdays picked by position that are not Monday to Friday', 'FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1'],
  ])('leaves %s to the text field', (_, rule) => {
    expect(partsFromRule(rule, start)).toBeNull();
  });
});

describe(defaultParts.name, () => {
  it('starts from the first day’s date and weekday', () => {
    expect(defaultParts('2026-03-10')).toMatchObject({ monthDay: 10, month: 3, weekdays: ['TU'], positionDay: 'TU' });
  });
});
