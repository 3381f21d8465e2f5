import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fieldErrorsFrom } from '../../../lib/form-errors';
import { draftPreviewQueryOptions } from '../api/maintenance.queries';
import type { CreateMaintenancePlanInput } from '../api/maintenance-types';

/** Wait this long after the last change before asking: one request per pause, not one per key. */
export const PREVIEW_DEBOUNCE_MS = 400;
export const PREVIEW_COUNT = 6;

/**
 * The next occurrences of a plan being edited, asked for once the input has been still for a
 * moment. The last answer stays on screen (marked as out of date) while the next one loads, so
 * the panel neither flickers nor jumps.
 */
export function useDraftPreview(input: CreateMaintenancePlanInput) {
  const current = JSON.stringify(input);
  // The JSON is both the query key and the body: equal drafts share one answer.
  const [body] = useDebouncedValue(current, PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({ ...draftPreviewQueryOptions(body, PREVIEW_COUNT), placeholderData: keepPreviousData });
  return {
    preview,
    /** What is shown no longer matches the form: a newer answer is on its way. */
    outdated: body !== current || preview.isPlaceholderData,
    /** The API's complaints about the schedule, by field, while the last answer was a 400. */
    fieldErrors: preview.isError ? fieldErrorsFrom(preview.error) : {},
  };
}
