import { describe, expect, it } from '@jest/globals';
import { computePriority, IMPACTS, raisePriority, URGENCIES } from './priority.js';
import { PRIORITIES, type Impact, type Priority, type Urgency } from './ticket-vocabulary.js';

/** The ITIL matrix of the brief, copied by hand from the comment in priority.ts. */
// prettier-ignore
const MATRIX: Record<Impact, Record<Urgency, Priority>> = {
  //               work_stopped        work_degraded        inconvenience        can_wait
  city_wide:      { work_stopped: 'P1', work_degraded: 'P1', inconvenience: 'P2', can_wait: 'P3' },
  department:     { work_stopped: 'P1', work_degraded: 'P2', inconvenience: 'P3', can_wait: 'P3' },
  several_people: { work_stopped: 'P2', work_degraded: 'P3', inconvenience: 'P3', can_wait: 'P4' },
  one_person:     { work_stopped: 'P3', work_degraded: 'P3', inconvenience: 'P4', can_wait: 'P4' },
};

/** 1 = P1 (most urgent) … 4 = P4; a smaller number is a higher priority. */
const rank = (p: Priority): number => Number(p.slice(1));

const COMBINATIONS = IMPACTS.flatMap((impact) => URGENCIES.map((urgency) => ({ impact, urgency })));

describe(computePriority.name, () => {
  it('uses the listed impacts and urgencies, widest and most urgent first', () => {
    expect(IMPACTS).toEqual(['city_wide', 'department', 'several_people', 'one_person']);
    expect(URGENCIES).toEqual(['work_stopped', 'work_degraded', 'inconvenience', 'can_wait']);
    expect(COMBINATIONS).toHaveLength(16);
  });

  it.each(COMBINATIONS)('gives $impact × $urgency the matrix priority', ({ impact, urgency }) => {
    expect(computePriority(impact, urgency, false)).toBe(MATRIX[impact][urgency]);
  });

  it('puts a city-wide stoppage at P1 and one person who can wait at P4', () => {
    expect(computePriority('city_wide', 'work_stopped', false)).toBe('P1');
    expect(computePriority('one_person', 'can_wait', false)).toBe('P4');
  });

  it('uses every priority somewhere in the matrix', () => {
    const used = new Set(COMBINATIONS.map(({ impact, urgency }) => computePriority(impact, urgency, false)));
    expect([...used].sort()).toEqual([...PRIORITIES]);
  });

  for (const lifeSafety of [false, true]) {
    const label = lifeSafety ? 'a life-safety department' : 'an ordinary department';

    it(`never lowers priority for a wider impact (${label})`, () => {
      for (const urgency of URGENCIES) {
        for (let wider = 0; wider < IMPACTS.length; wider++) {
          for (let narrower = wider + 1; narrower < IMPACTS.length; narrower++) {
            const high = computePriority(IMPACTS[wider]!, urgency, lifeSafety);
            const low = computePriority(IMPACTS[narrower]!, urgency, lifeSafety);
            expect(rank(high)).toBeLessThanOrEqual(rank(low));
          }
        }
      }
    });

    it(`never lowers priority for a more urgent urgency (${label})`, () => {
      for (const impact of IMPACTS) {
        for (let sooner = 0; sooner < URGENCIES.length; sooner++) {
          for (let later = sooner + 1; later < URGENCIES.length; later++) {
            const high = computePriority(impact, URGENCIES[sooner]!, lifeSafety);
            const low = computePriority(impact, URGENCIES[later]!, lifeSafety);
            expect(rank(high)).toBeLessThanOrEqual(rank(low));
          }
        }
      }
    });

    it(`never lowers priority when both impact and urgency grow (${label})`, () => {
      for (let i1 = 0; i1 < IMPACTS.length; i1++) {
        for (let u1 = 0; u1 < URGENCIES.length; u1++) {
          for (let i2 = i1; i2 < IMPACTS.length; i2++) {
            for (let u2 = u1; u2 < URGENCIES.length; u2++) {
              const high = computePriority(IMPACTS[i1]!, URGENCIES[u1]!, lifeSafety);
              const low = computePriority(IMPACTS[i2]!, URGENCIES[u2]!, lifeSafety);
              expect(rank(high)).toBeLessThanOrEqual(rank(low));
            }
          }
        }
      }
    });
  }

  it.each(COMBINATIONS)('raises $impact × $urgency one step for life-safety, never above P1', ({ impact, urgency }) => {
    const base = MATRIX[impact][urgency];
    const raised = computePriority(impact, urgency, true);
    expect(rank(raised)).toBe(Math.max(1, rank(base) - 1));
  });

  it('raises every life-safety priority at most one step and never lowers it', () => {
    for (const { impact, urgency } of COMBINATIONS) {
      const base = computePriority(impact, urgency, false);
      const raised = computePriority(impact, urgency, true);
      expect(rank(raised)).toBeLessThanOrEqual(rank(base));
      expect(rank(base) - rank(raised)).toBeLessThanOrEqual(1);
      expect(PRIORITIES).toContain(raised);
    }
  });

  it('gives a life-safety department P1 where an ordinary one would get P2, and P3 instead of P4', () => {
    expect(computePriority('several_people', 'work_stopped', true)).toBe('P1');
    expect(computePriority('city_wide', 'work_stopped', true)).toBe('P1');
    expect(computePriority('one_person', 'can_wait', true)).toBe('P3');
  });
});

describe(raisePriority.name, () => {
  it.each([
    ['P1', 'P1'],
    ['P2', 'P1'],
    ['P3', 'P2'],
    ['P4', 'P3'],
  ] as const)('raises %s to %s', (from, to) => {
    expect(raisePriority(from)).toBe(to);
  });

  it('reaches P1 from any priority within three raises and stays there', () => {
    for (const start of PRIORITIES) {
      let p: Priority = start;
      for (let i = 0; i < 3; i++) p = raisePriority(p);
      expect(p).toBe('P1');
      expect(raisePriority(p)).toBe('P1');
    }
  });
});
