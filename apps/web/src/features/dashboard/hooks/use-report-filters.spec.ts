import { describe, expect, it } from '@jest/globals';
import { isCalendarDate, readReportFilters, writeReportFilters } from './use-report-filters';

const DEPARTMENT = '00000000-0000-4000-8000-00000000f001';

describe(readReportFilters.name, () => {
  it('reads the range, period and filters from the address', () => {
    expect(
      readReportFilters(
        new URLSearchParams(`from=2025-07-01&to=2026-06-30&interval=quarter&department=${DEPARTMENT}&queue=q&category=c`),
      ),
    ).toEqual({
      from: '2025-07-01',
      to: '2026-06-30',
      interval: 'quarter',
      departmentId: DEPARTMENT,
      queueId: 'q',
      categoryId: 'c',
    });
  });

  it('takes the defaults for what is missing or unreadable', () => {
    const defaults = { from: null, to: null, interval: 'month', departmentId: null, queueId: null, categoryId: null };
    expect(readReportFilters(new URLSearchParams())).toEqual(defaults);
    expect(readReportFilters(new URLSearchParams('from=2026-02-30&to=yesterday&interval=daily&department='))).toEqual(defaults);
  });
});

describe(writeReportFilters.name, () => {
  it('sets the changed filters and leaves the others and unrelated parameters alone', () => {
    const next = writeReportFilters(new URLSearchParams('from=2025-07-01&view=table'), {
      departmentId: DEPARTMENT,
      interval: 'week',
    });
    expect(next.toString()).toBe(`from=2025-07-01&view=table&department=${DEPARTMENT}&interval=week`);
  });

  it('leaves defaults out of the address', () => {
    const next = writeReportFilters(new URLSearchParams(`from=2025-07-01&interval=week&department=${DEPARTMENT}`), {
      from: null,
      interval: 'month',
      departmentId: '',
    });
    expect(next.toString()).toBe('');
  });
});

describe(isCalendarDate.name, () => {
  it.each([
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['', false],
  ])('%p is a calendar date: %p', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
