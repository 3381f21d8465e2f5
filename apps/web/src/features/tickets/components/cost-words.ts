import type { ExpenseType } from '../../../lib/api/api-types';
import { wholeNumberIn } from '../../../lib/forms/whole-number';

// Keyed by the API's enum: a type added to the API fails the type check here until it has words.
const EXPENSE_TYPE_LABELS: Record<ExpenseType, string> = {
  parts: 'Parts',
  vendor: 'Vendor service',
  contract: 'Contract',
  software: 'Software',
  other: 'Other',
};

export const EXPENSE_TYPES = Object.keys(EXPENSE_TYPE_LABELS) as ExpenseType[];

export const EXPENSE_TYPE_OPTIONS = EXPENSE_TYPES.map((value) => ({ value, label: EXPENSE_TYPE_LABELS[value] }));

export function expenseTypeLabel(type: ExpenseType): string {
  return EXPENSE_TYPE_LABELS[type];
}

/** The API takes one work log of at most a day. */
export const MAX_WORK_LOG_MINUTES = 1440;

/** Whole minutes from a form's minutes field, or null when it is not 1 to 1440. */
export function workMinutes(value: number | string): number | null {
  return wholeNumberIn(value, 1, MAX_WORK_LOG_MINUTES);
}
