import { describe, expect, it } from '@jest/globals';
import type { Calendar } from '../../../lib/api/api-types';
import {
  describeLevel,
  describeNextResponse,
  describeOutcome,
  policyCovers,
  toClockCalendar,
  whatIf,
  type WhatIfTargets,
} from './sla-what-if';

const NEW_YORK = 'America/New_York';
const weekdays = (start: string, end: string): Calendar['windows'] => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));
const officeHours = (start = '08:00', end = '17:00', holidays: Calendar['holidays'] = []) =>
  toClockCalendar({ timeZone: NEW_YORK, windows: weekdays(start, end), holidays });

/** Friday 27 November 2026, 16:30 in New York. */
const FRIDAY_AFTERNOON = new Date('2026-11-27T21:30:00Z');

const targets = (overrides: Partial<WhatIfTargets> = {}): WhatIfTargets => ({
  firstResponseMinutes: 60,
  resolutionMinutes: null,
  nextResponseMinutes: null,
  pauseStatuses: ['waiting_on_requester', 'waiting_on_vendor'],
  escalations: [],
  ...overrides,
});

describe(whatIf.name, () => {
  it('carries a first response over the weekend: 30 minutes on Friday, 30 on Monday morning', () => {
    const { outcome } = whatIf(targets(), officeHours(), FRIDAY_AFTERNOON);
    expect(outcome?.firstResponseDue?.toISOString()).toBe('2026-11-30T13:30:00.000Z'); // Mon 08:30 EST
  });

  it('opens at the calendar’s own hours: 09:00 gives Monday 09:30', () => {
    const { outcome } = whatIf(targets(), officeHours('09:00'), FRIDAY_AFTERNOON);
    expect(outcome?.firstResponseDue?.toISOString()).toBe('2026-11-30T14:30:00.000Z');
  });

  it('skips the calendar’s holidays', () => {
    const mondayOff = [{ id: 'h1', date: '2026-11-30', name: 'Snow day', yearly: false, observed: false }];
    const { outcome } = whatIf(targets(), officeHours('08:00', '17:00', mondayOff), FRIDAY_AFTERNOON);
    expect(outcome?.firstResponseDue?.toISOString()).toBe('2026-12-01T13:30:00.000Z'); // Tue 08:30
  });

  it('times resolution and every escalation level from the filing time', () => {
    const { outcome } = whatIf(
      targets({
        resolutionMinutes: 480,
        nextResponseMinutes: 120,
        escalations: [
          { target: 'resolution', percent: 100, level: 1, actions: ['notify_managers'] },
          { target: 'first_response', percent: 75, level: 1, actions: ['notify_assignee'] },
          { target: 'next_response', percent: 100, level: 1, actions: ['notify_queue_lead'] },
        ],
      }),
      officeHours(),
      FRIDAY_AFTERNOON,
    );
    expect(outcome?.resolutionDue?.toISOString()).toBe('2026-11-30T20:30:00.000Z'); // Mon 15:30
    expect(outcome?.levels.map((level) => [level.target, level.dueAt?.toISOString() ?? null])).toEqual([
      ['first_response', '2026-11-30T13:15:00.000Z'], // 45 minutes: Mon 08:15
      ['next_response', null],
      ['resolution', '2026-11-30T20:30:00.000Z'],
    ]);
  });

  it('has no resolution due time when New pauses the clock', () => {
    const { outcome } = whatIf(targets({ resolutionMinutes: 480, pauseStatuses: ['new'] }), officeHours(), FRIDAY_AFTERNOON);
    expect(outcome?.resolutionDue).toBeNull();
  });

  it('explains a calendar the clock cannot run on instead of throwing', () => {
    const closed = toClockCalendar({ timeZone: NEW_YORK, windows: [], holidays: [] });
    expect(whatIf(targets(), closed, FRIDAY_AFTERNOON).problems).toEqual([
      'the calendar has no business hours: add at least one weekly window',
    ]);
  });
});

describe(describeOutcome.name, () => {
  it('says when the ticket is due, in the calendar’s local time', () => {
    const policy = targets({ resolutionMinutes: 480 });
    const { outcome } = whatIf(policy, officeHours(), FRIDAY_AFTERNOON);
    expect(describeOutcome('A P2 incident from Finance', FRIDAY_AFTERNOON, NEW_YORK, policy, outcome!)).toBe(
      'A P2 incident from Finance filed Fri 27 Nov 16:30 is first-responded by Mon 30 Nov 08:30 and resolved by Mon 30 Nov 15:30.',
    );
  });

  it('says why there is no resolution due time', () => {
    const policy = targets({ firstResponseMinutes: null, resolutionMinutes: 480, pauseStatuses: ['new'] });
    const { outcome } = whatIf(policy, officeHours(), FRIDAY_AFTERNOON);
    expect(describeOutcome('A P4 incident from Parks', FRIDAY_AFTERNOON, NEW_YORK, policy, outcome!)).toBe(
      'A P4 incident from Parks filed Fri 27 Nov 16:30 has no due time under these targets; its resolution clock waits while the ticket is New (a pause status).',
    );
  });
});

describe(describeLevel.name, () => {
  it('says the level, its share, its time and its actions', () => {
    const level = {
      target: 'first_response' as const,
      percent: 75,
      level: 1,
      actions: ['notify_assignee' as const, 'raise_priority' as const],
      dueAt: new Date('2026-11-30T13:15:00Z'),
    };
    expect(describeLevel(level, NEW_YORK)).toBe(
      'Level 1, 75 % of first response: Mon 30 Nov 08:15 — notify the assignee and raise the priority.',
    );
    expect(describeNextResponse(targets({ nextResponseMinutes: 120 }))).toBe(
      'After each requester reply, staff reply within 2 business hours.',
    );
  });
});

describe(policyCovers.name, () => {
  it('matches when every condition is empty or includes the ticket’s value', () => {
    const ticket = { kind: 'incident' as const, priority: 'P2' as const, departmentId: 'fin' };
    expect(policyCovers({ kinds: [], priorities: [], departmentIds: [] }, ticket)).toBe(true);
    expect(policyCovers({ kinds: ['incident'], priorities: ['P1', 'P2'], departmentIds: ['fin'] }, ticket)).toBe(true);
    expect(policyCovers({ kinds: ['incident'], priorities: ['P1'], departmentIds: [] }, ticket)).toBe(false);
  });
});
