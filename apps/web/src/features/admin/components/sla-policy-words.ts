import type { EscalationAction, Priority, SlaPolicy, SlaTarget, TicketKind } from '../../../lib/api/api-types';
import { countOf } from '../../../lib/text/count-of';

// Records keyed by the API's enums: a value added to the API fails the type check here until it has words.

const TARGET_LABELS: Record<SlaTarget, string> = {
  first_response: 'First response',
  resolution: 'Resolution',
  next_response: 'Next response',
};

export const SLA_TARGETS = Object.keys(TARGET_LABELS) as SlaTarget[];

export function targetLabel(target: SlaTarget): string {
  return TARGET_LABELS[target];
}

const ACTION_LABELS: Record<EscalationAction, string> = {
  notify_assignee: 'Notify the assignee',
  notify_queue_lead: 'Notify the queue lead',
  notify_managers: 'Notify managers',
  raise_priority: 'Raise the priority',
};

export const ESCALATION_ACTIONS = Object.keys(ACTION_LABELS) as EscalationAction[];

export function actionLabel(action: EscalationAction): string {
  return ACTION_LABELS[action];
}

const KIND_WORDS: Record<TicketKind, { one: string; many: string }> = {
  incident: { one: 'incident', many: 'incidents' },
  service_request: { one: 'service request', many: 'service requests' },
  maintenance: { one: 'maintenance ticket', many: 'maintenance tickets' },
};

/** "4 business hours", "45 business minutes", "1 business hour 30 min": hours, never days (a business day is not 24 hours). */
export function formatBusinessMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return countOf(rest, 'business minute', 'business minutes');
  const hoursText = countOf(hours, 'business hour', 'business hours');
  return rest === 0 ? hoursText : `${hoursText} ${rest} min`;
}

const either = new Intl.ListFormat('en-GB', { type: 'disjunction' });

export type PolicyConditions = Pick<SlaPolicy, 'kinds' | 'priorities' | 'departmentIds' | 'categoryIds'>;

/** Department and category names by id; an id without a name was deleted since. */
export interface ConditionNames {
  departments: ReadonlyMap<string, string>;
  categories: ReadonlyMap<string, string>;
}

/** "P1 or P2 incidents from Police or Fire about Network"; "Every ticket (the fallback)" when nothing narrows it. */
export function describeConditions(conditions: PolicyConditions, names: ConditionNames): string {
  const { kinds, priorities, departmentIds, categoryIds } = conditions;
  if (kinds.length + priorities.length + departmentIds.length + categoryIds.length === 0) return 'Every ticket (the fallback)';
  const words = [
    priorities.length > 0 ? either.format(priorities) : '',
    kinds.length > 0 ? either.format(kinds.map((kind) => KIND_WORDS[kind].many)) : 'tickets',
    departmentIds.length > 0
      ? `from ${either.format(departmentIds.map((id) => names.departments.get(id) ?? 'a deleted department'))}`
      : '',
    categoryIds.length > 0
      ? `about ${either.format(categoryIds.map((id) => names.categories.get(id) ?? 'a deleted category'))}`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "A P2 incident from Finance" */
export function describeTicket(kind: TicketKind, priority: Priority, departmentName: string): string {
  return `A ${priority} ${KIND_WORDS[kind].one} from ${departmentName}`;
}
