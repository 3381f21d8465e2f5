import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { errorMessage, isApiError } from '../api/api-error';
import { fieldErrorsFrom } from '../form-errors';

/**
 * Why a form's last submit failed: the API's field errors go on their fields, and anything else
 * is one message for above the form (DialogForm's `error`).
 */
export function useFormFailure(
  form: Pick<UseFormReturnType<Record<string, unknown>>, 'setErrors'>,
  /** API error codes about one field, shown on that field rather than above the form (email_taken → email). */
  fieldCodes: Readonly<Record<string, string>> = {},
) {
  const [error, setError] = useState<string | null>(null);

  const onError = (failure: unknown) => {
    const field = isApiError(failure) ? fieldCodes[failure.code] : undefined;
    if (field) {
      form.setErrors((current) => ({ ...current, [field]: errorMessage(failure) }));
      return;
    }
    form.setErrors(fieldErrorsFrom(failure));
    setError(errorMessage(failure));
  };

  return { error, onError, clear: () => setError(null) };
}
