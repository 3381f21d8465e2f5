import { isApiError } from './api/api-error';

/** The API's per-field validation messages, keyed the way Mantine's form.setErrors expects. */
export function fieldErrorsFrom(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  return Object.fromEntries(error.fieldErrors.map(({ field, messages }) => [field, messages.join(' ')]));
}
