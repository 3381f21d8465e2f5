import { IMPACTS, PRIORITIES, URGENCIES, type Impact, type Priority, type Urgency } from './ticket-vocabulary.js';

/**
 * The ITIL impact × urgency matrix on four levels each. The wider the impact and the sooner it
 * hurts, the higher the priority:
 *
 *                   work_stopped  work_degraded  inconvenience  can_wait
 *   city_wide            P1            P1             P2           P3
 *   department           P1            P2             P3           P3
 *   several_people       P2            P3             P3           P4
 *   one_person           P3            P3             P4           P4
 */
const MATRIX: Record<Impact, Record<Urgency, Priority>> = {
  city_wide: { work_stopped: 'P1', work_degraded: 'P1', inconvenience: 'P2', can_wait: 'P3' },
  department: { work_stopped: 'P1', work_degraded: 'P2', inconvenience: 'P3', can_wait: 'P3' },
  several_people: { work_stopped: 'P2', work_degraded: 'P3', inconvenience: 'P3', can_wait: 'P4' },
  one_person: { work_stopped: 'P3', work_degraded: 'P3', inconvenience: 'P4', can_wait: 'P4' },
};

/** Priority from the matrix, raised one step (never above P1) for a life-safety department. */
export function computePriority(impact: Impact, urgency: Urgency, lifeSafety: boolean): Priority {
  const base = MATRIX[impact][urgency];
  return lifeSafety ? raisePriority(base) : base;
}

export function raisePriority(priority: Priority): Priority {
  return PRIORITIES[Math.max(0, PRIORITIES.indexOf(priority) - 1)]!;
}

export { IMPACTS, URGENCIES };
