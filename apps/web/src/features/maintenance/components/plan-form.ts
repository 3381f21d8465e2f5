import type { GetInputPropsReturnType } from '@mantine/form';
import type { AssetType, CreateMaintenancePlanInput, FanOut, MaintenanceMode, MaintenancePlan } from '../api/maintenance-types';
import { defaultParts, ruleFromParts } from './recurrence-rule';

/** Number inputs hold '' while empty. */
type NumberField = number | string;

/** The plan form's fields, named as the API names them so its field errors land on them. */
export interface PlanValues {
  name: string;
  titleTemplate: string;
  descriptionTemplate: string;
  categoryId: string | null;
  queueId: string | null;
  assigneeId: string | null;
  departmentId: string | null;
  estimatedMinutes: NumberField;
  mode: MaintenanceMode;
  rule: string;
  intervalDays: NumberField;
  startsOn: string;
  dueTime: string;
  endsOn: string;
  /** null: the city's time zone (the API's default). */
  timeZone: string | null;
  leadDays: NumberField;
  fanOut: FanOut;
  assetIds: string[];
  assetType: AssetType | null;
  assetDepartmentId: string | null;
  active: boolean;
}

/** A field's input props, its error the form's own or else the live preview's. */
export type PlanField = (path: keyof PlanValues) => GetInputPropsReturnType & { error: string | undefined };

/** The schedule fields: the preview answers about these, and its field errors go on them. */
export const SCHEDULE_FIELDS = [
  'rule',
  'startsOn',
  'dueTime',
  'endsOn',
  'timeZone',
  'leadDays',
  'mode',
  'intervalDays',
  'fanOut',
  'assetIds',
  'assetType',
  'assetDepartmentId',
] as const satisfies readonly (keyof PlanValues)[];

export type ScheduleValues = Pick<PlanValues, (typeof SCHEDULE_FIELDS)[number]>;

export function scheduleOf(values: PlanValues): ScheduleValues {
  return Object.fromEntries(SCHEDULE_FIELDS.map((field) => [field, values[field]])) as ScheduleValues;
}

/**
 * After-completion and replacement plans are not driven by the rule's dates, but the API still
 * checks one: a daily rule, as its documentation asks.
 */
export const UNSCHEDULED_RULE = 'FREQ=DAILY';

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function planValues(plan: MaintenancePlan | null, today: Date): PlanValues {
  const startsOn = plan?.startsOn ?? isoDate(today);
  return {
    name: plan?.name ?? '',
    titleTemplate: plan?.titleTemplate ?? '',
    descriptionTemplate: plan?.descriptionTemplate ?? '',
    categoryId: plan?.categoryId ?? null,
    queueId: plan?.queueId ?? null,
    assigneeId: plan?.assigneeId ?? null,
    departmentId: plan?.departmentId ?? null,
    estimatedMinutes: plan?.estimatedMinutes ?? '',
    mode: plan?.mode ?? 'fixed',
    rule: plan?.rule ?? ruleFromParts(defaultParts(startsOn)),
    intervalDays: plan?.intervalDays ?? '',
    startsOn,
    dueTime: plan?.dueTime ?? '08:00',
    endsOn: plan?.endsOn ?? '',
    timeZone: plan?.timeZone ?? null,
    leadDays: plan?.leadDays ?? 7,
    fanOut: plan?.fanOut ?? 'none',
    assetIds: plan?.assetIds ?? [],
    assetType: plan?.assetType ?? null,
    assetDepartmentId: plan?.assetDepartmentId ?? null,
    active: plan?.active ?? true,
  };
}

const wholeOrNull = (value: NumberField): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/** The schedule part of the body: what the rule and the preview depend on. */
function scheduleInput(values: ScheduleValues) {
  const fanOut = values.fanOut;
  return {
    mode: values.mode,
    rule: values.mode === 'fixed' ? values.rule.trim() : UNSCHEDULED_RULE,
    intervalDays: values.mode === 'after_completion' ? wholeOrNull(values.intervalDays) : null,
    startsOn: values.startsOn,
    dueTime: values.dueTime,
    endsOn: values.endsOn || null,
    ...(values.timeZone ? { timeZone: values.timeZone } : {}),
    leadDays: wholeOrNull(values.leadDays) ?? 0,
    fanOut,
    assetIds: fanOut === 'assets' ? values.assetIds : [],
    assetType: fanOut === 'asset_type' ? values.assetType : null,
    assetDepartmentId: fanOut === 'asset_type' ? values.assetDepartmentId : null,
  };
}

/** Everything the plan holds, for POST (and, with its version, PATCH). */
export function planInput(values: PlanValues): CreateMaintenancePlanInput {
  return {
    name: values.name.trim(),
    titleTemplate: values.titleTemplate.trim(),
    descriptionTemplate: values.descriptionTemplate,
    categoryId: values.categoryId,
    queueId: values.queueId ?? '',
    assigneeId: values.assigneeId,
    departmentId: values.departmentId ?? '',
    estimatedMinutes: wholeOrNull(values.estimatedMinutes),
    ...scheduleInput(values),
    active: values.active,
  };
}

/** Any id that passes the API's format check: the preview looks at the schedule, never at these. */
const NO_RECORD = '00000000-0000-0000-0000-000000000000';

/**
 * The body for the live preview: the schedule as it stands, with stand-ins for what the preview
 * does not read, so a plan still missing its name or queue already shows its dates.
 */
export function previewInput(schedule: ScheduleValues): CreateMaintenancePlanInput {
  return { name: 'Preview', titleTemplate: 'Preview', queueId: NO_RECORD, departmentId: NO_RECORD, ...scheduleInput(schedule) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const inRange = (value: NumberField, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** What to fix before saving; the API checks the rest (the rule itself, the records named). */
export function planErrors(values: PlanValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Enter the plan’s name';
  if (!values.titleTemplate.trim()) errors.titleTemplate = 'Enter the tickets’ title';
  if (!values.queueId) errors.queueId = 'Choose the queue that does the work';
  if (!values.departmentId) errors.departmentId = 'Choose the department the work is for';
  if (values.estimatedMinutes !== '' && !inRange(values.estimatedMinutes, 1, 100_000))
    errors.estimatedMinutes = 'Whole minutes, at least 1';
  if (values.mode === 'fixed' && !values.rule.trim()) errors.rule = 'Choose how often it repeats';
  if (values.mode === 'after_completion' && !inRange(values.intervalDays, 1, 3660)) errors.intervalDays = '1 to 3660 days';
  if (!DATE.test(values.startsOn)) errors.startsOn = 'Choose the first day';
  if (!TIME.test(values.dueTime)) errors.dueTime = 'A time such as 08:00';
  if (values.endsOn && values.endsOn < values.startsOn) errors.endsOn = 'The last day cannot be before the first';
  if (!inRange(values.leadDays, 0, 366)) errors.leadDays = '0 to 366 days';
  if (values.mode === 'replacement' && values.fanOut === 'none') errors.fanOut = 'A replacement plan needs assets';
  if (values.fanOut === 'assets' && values.assetIds.length === 0) errors.assetIds = 'Add at least one asset';
  if (values.fanOut === 'asset_type' && !values.assetType) errors.assetType = 'Choose the asset type';
  return errors;
}
