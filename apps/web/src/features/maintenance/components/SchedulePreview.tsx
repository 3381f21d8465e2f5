import { Fieldset, List, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { isApiError } from '../../../lib/api/api-error';
import { formatDateTime } from '../../../lib/time/format-date';
import type { MaintenancePreview } from '../api/maintenance-types';

interface SchedulePreviewProps {
  preview: UseQueryResult<MaintenancePreview>;
  /** A newer answer is on its way: what is shown is dimmed, not replaced by a spinner. */
  outdated: boolean;
}

/** The schedule in words and its next dates, as the API works them out for the unsaved plan. */
export function SchedulePreview({ preview, outdated }: SchedulePreviewProps) {
  return (
    <Fieldset legend="Next occurrences" variant="filled" aria-busy={outdated} aria-live="polite">
      <Stack gap="xs" style={{ opacity: outdated ? 0.6 : 1, transition: 'opacity 150ms' }}>
        <PreviewBody preview={preview} />
      </Stack>
    </Fieldset>
  );
}

function PreviewBody({ preview }: Pick<SchedulePreviewProps, 'preview'>) {
  if (preview.isError) {
    return isApiError(preview.error) && preview.error.statusCode === 400 ? (
      <Text size="sm" c="red.8">
        {preview.error.fieldErrors.length > 0 ? 'Fix the marked fields to see the dates.' : preview.error.message}
      </Text>
    ) : (
      <ErrorAlert title="Could not work out the dates" error={preview.error} onRetry={() => void preview.refetch()} />
    );
  }
  if (!preview.data) {
    return (
      <Text size="sm" c="dimmed">
        Working out the dates…
      </Text>
    );
  }
  const { text, occurrences } = preview.data;
  return (
    <>
      <Text fw={500}>{text}</Text>
      {occurrences.length === 0 ? (
        <Text size="sm" c="dimmed">
          No occurrences ahead.
        </Text>
      ) : (
        <List spacing="xs" size="sm" aria-label="Next due dates">
          {occurrences.map((occurrence) => (
            <List.Item key={`${occurrence.dueAt}-${occurrence.asset ?? ''}`}>
              <Text size="sm" fw={500}>
                Due {occurrence.dueText}
                {occurrence.asset ? ` · ${occurrence.asset}` : ''}
              </Text>
              <Text size="xs" c="dimmed">
                Ticket created {formatDateTime(occurrence.createAt)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
