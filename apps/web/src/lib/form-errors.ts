import { isApiError } from './api/api-error';

/** The API's per-field validation messages, keyed the way Mantine's form.setErrors expects. */
export function fieldErrorsFrom(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.fieldErrors.map(({ field, messages }) => [field, messages.join(' ')]));
}

/**
 * A field's error as Mantine's form holds it, looked up under each name it may go by: the form's
 * own ("amount") and the API's ("amountCents") where the two differ.
 */
export function errorOf(errors: Readonly<Record<string, unknown>>, ...fields: string[]): string | undefined {
  for (const field of fields) {
    const error = errors[field];
    if (typeof error === 'string' && error) return error;
  }
  return undefined;
}
