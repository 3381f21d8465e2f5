import type {
  CreateSlaPolicyInput,
  EscalationAction,
  Priority,
  SlaPolicy,
  SlaTarget,
  TicketKind,
  TicketStatus,
} from '../../../lib/api/api-types';
import type { WhatIfTargets } from './sla-what-if';
import { wholeNumberIn } from '../../../lib/forms/whole-number';

/** The calendar choice that means "the calendar of the ticket's department" (the API's null). */
export const DEPARTMENT_CALENDAR = 'department';

const DEFAULT_PAUSE_STATUSES: TicketStatus[] = ['waiting_on_requester', 'waiting_on_vendor'];

/** Number inputs hold '' while empty. */
type NumberField = number | string;

export interface EscalationValues {
  target: SlaTarget;
  percent: NumberField;
  level: NumberField;
  actions: EscalationAction[];
}

/** The policy form's fields, named as the API names them so its field errors land on them. */
export interface SlaPolicyValues {
  name: string;
  kinds: TicketKind[];
  priorities: Priority[];
  departmentIds: string[];
  categoryIds: string[];
  firstResponseMinutes: NumberField;
  resolutionMinutes: NumberField;
  nextResponseMinutes: NumberField;
  pauseStatuses: TicketStatus[];
  calendarId: string;
  escalations: EscalationValues[];
}

export function slaPolicyValues(policy: SlaPolicy | null): SlaPolicyValues {
  return {
    name: policy?.name ?? '',
    kinds: policy?.kinds ?? [],
    priorities: policy?.priorities ?? [],
    departmentIds: policy?.departmentIds ?? [],
    categoryIds: policy?.categoryIds ?? [],
    firstResponseMinutes: policy?.firstResponseMinutes ?? '',
    resolutionMinutes: policy?.resolutionMinutes ?? '',
    nextResponseMinutes: policy?.nextResponseMinutes ?? '',
    pauseStatuses: policy?.pauseStatuses ?? DEFAULT_PAUSE_STATUSES,
    calendarId: policy?.calendarId ?? DEPARTMENT_CALENDAR,
    escalations: policy?.escalations.map((escalation) => ({ ...escalation, actions: [...escalation.actions] })) ?? [],
  };
}

/** A number input's value as whole minutes (or levels, or %), null while it is empty or not whole. */
export function wholePositive(value: NumberField): number | null {
  return wholeNumberIn(value, 1);
}

/** Everything a version holds; an empty target is sent as null ("no such target"). */
export function slaPolicyInput(values: SlaPolicyValues): Required<CreateSlaPolicyInput> & WhatIfTargets {
  return {
    name: values.name.trim(),
    kinds: values.kinds,
    priorities: values.priorities,
    departmentIds: values.departmentIds,
    categoryIds: values.categoryIds,
    firstResponseMinutes: wholePositive(values.firstResponseMinutes),
    resolutionMinutes: wholePositive(values.resolutionMinutes),
    nextResponseMinutes: wholePositive(values.nextResponseMinutes),
    pauseStatuses: values.pauseStatuses,
    calendarId: values.calendarId === DEPARTMENT_CALENDAR ? null : values.calendarId,
    escalations: values.escalations.map(({ target, percent, level, actions }) => ({
      target,
      percent: Number(percent),
      level: Number(level),
      actions,
    })),
  };
}

/**
 * The targets the what-if preview can run while the form is being filled in: escalation rows
 * still missing a number, an action or their target's minutes are left out until they are whole.
 */
export function whatIfTargetsOf(values: SlaPolicyValues): WhatIfTargets {
  const input = slaPolicyInput(values);
  const minutesOf: Record<SlaTarget, number | null> = {
    first_response: input.firstResponseMinutes,
    resolution: input.resolutionMinutes,
    next_response: input.nextResponseMinutes,
  };
  return {
    ...input,
    escalations: input.escalations.filter(
      (e) => wholePositive(e.percent) !== null && wholePositive(e.level) !== null && minutesOf[e.target] !== null,
    ),
  };
}

const PERCENT = { min: 1, max: 1000 };
const LEVEL = { min: 1, max: 100 };

const inRange = (value: NumberField, { min, max }: { min: number; max: number }) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** What to fix before saving, keyed by field path; the API checks the rest (e.g. a level used twice). */
export function slaPolicyErrors(values: SlaPolicyValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Enter the policy’s name';
  for (const field of ['firstResponseMinutes', 'resolutionMinutes', 'nextResponseMinutes'] as const) {
    if (values[field] !== '' && wholePositive(values[field]) === null) errors[field] = 'Whole minutes, at least 1';
  }
  if (values.firstResponseMinutes === '' && values.resolutionMinutes === '') {
    errors.firstResponseMinutes = 'Set a first response or a resolution target';
  }
  values.escalations.forEach((escalation, index) => {
    const at = `escalations.${index}`;
    if (!inRange(escalation.percent, PERCENT)) errors[`${at}.percent`] = `${PERCENT.min} to ${PERCENT.max}`;
    if (!inRange(escalation.level, LEVEL)) errors[`${at}.level`] = `${LEVEL.min} to ${LEVEL.max}`;
    if (escalation.actions.length === 0) errors[`${at}.actions`] = 'Choose at least one action';
  });
  return errors;
}

const USUAL_SHARES = [75, 100, 150];

/** A new escalation row: the next level of the first target that has minutes, at the usual next share. */
export function newEscalation(values: SlaPolicyValues): EscalationValues {
  const target: SlaTarget =
    values.firstResponseMinutes !== '' ? 'first_response' : values.resolutionMinutes !== '' ? 'resolution' : 'next_response';
  const levels = values.escalations.filter((e) => e.target === target).map((e) => Number(e.level) || 0);
  const level = Math.max(0, ...levels) + 1;
  return { target, percent: USUAL_SHARES[level - 1] ?? 200, level, actions: ['notify_assignee'] };
}
