import { describe, expect, it } from '@jest/globals';
import { matchPolicy, toClockPolicy, type MatchableVersion, type TicketFacts } from './policy-matcher.js';

const DEPT_A = '00000000-0000-4000-8000-00000000000a';
const DEPT_B = '00000000-0000-4000-8000-00000000000b';
const CAT_X = '00000000-0000-4000-8000-0000000000c1';

function version(id: string, conditions: Partial<MatchableVersion> = {}): MatchableVersion {
  return {
    id,
    kinds: [],
    priorities: [],
    departmentIds: [],
    categoryIds: [],
    firstResponseMinutes: 60,
    resolutionMinutes: 480,
    nextResponseMinutes: null,
    pauseStatuses: ['waiting_on_requester', 'waiting_on_vendor'],
    calendarId: null,
    escalations: [],
    ...conditions,
  };
}

const FACTS: TicketFacts = { kind: 'incident', priority: 'P2', departmentId: DEPT_A, categoryId: CAT_X };

describe(matchPolicy.name, () => {
  const p1 = version('p1', { priorities: ['P1'] });
  const incidents = version('incidents', { kinds: ['incident'] });
  const requests = version('requests', { kinds: ['service_request'] });
  const deptB = version('deptB', { departmentIds: [DEPT_B] });
  const deptA = version('deptA', { departmentIds: [DEPT_A, DEPT_B] });
  const catX = version('catX', { categoryIds: [CAT_X] });
  const all = version('all', { kinds: ['incident'], priorities: ['P2', 'P3'], departmentIds: [DEPT_A], categoryIds: [CAT_X] });
  const fallback = version('fallback');

  it.each<[string, MatchableVersion[], Partial<TicketFacts>, string | null]>([
    ['first match wins, in the given order', [incidents, fallback], {}, 'incidents'],
    ['order decides when several match', [fallback, incidents], {}, 'fallback'],
    ['a conditionless policy is the fallback', [p1, requests, fallback], {}, 'fallback'],
    ['no match and no fallback: null', [p1, requests, deptB], {}, null],
    ['priority condition holds', [p1, fallback], { priority: 'P1' }, 'p1'],
    ['kind condition refuses another kind', [requests, fallback], {}, 'fallback'],
    ['kind condition holds', [requests, fallback], { kind: 'service_request' }, 'requests'],
    ['department condition refuses another department', [deptB, fallback], {}, 'fallback'],
    ['department condition holds (one of several)', [deptB, deptA], {}, 'deptA'],
    ['category condition holds', [catX, fallback], {}, 'catX'],
    ['a category condition never matches a ticket without category', [catX, fallback], { categoryId: null }, 'fallback'],
    ['every condition must hold', [all, fallback], {}, 'all'],
    ['one failing condition is enough to skip', [all, fallback], { priority: 'P4' }, 'fallback'],
    [
      'an inactive policy is ignored',
      [
        { ...incidents, active: false },
        { ...fallback, active: true },
      ],
      {},
      'fallback',
    ],
    ['an inactive fallback is ignored too', [p1, { ...fallback, active: false }], {}, null],
    ['no policies: null', [], {}, null],
  ])('%s', (_, policies, facts, expected) => {
    expect(matchPolicy(policies, { ...FACTS, ...facts })?.id ?? null).toBe(expected);
  });
});

describe(toClockPolicy.name, () => {
  it('maps targets, pause statuses and escalations (without actions) to the clock policy', () => {
    const clock = toClockPolicy(
      version('v', {
        firstResponseMinutes: 30,
        resolutionMinutes: null,
        nextResponseMinutes: 120,
        pauseStatuses: ['waiting_on_vendor'],
        escalations: [{ target: 'first_response', percent: 75, level: 1, actions: ['notify_assignee', 'raise_priority'] }],
      }),
    );
    expect(clock).toEqual({
      firstResponseMinutes: 30,
      resolutionMinutes: null,
      nextResponseMinutes: 120,
      pauseStatuses: ['waiting_on_vendor'],
      escalations: [{ target: 'first_response', percent: 75, level: 1 }],
    });
  });
});
