import { Text, Timeline } from '@mantine/core';
import type { AssetStatusChange } from '../../../lib/api/api-types';
import { assetStatusLabel } from '../../../lib/assets/asset-vocabulary';
import { formatDateTime } from '../../../lib/time/format-date';

/** Each status change, newest first, with who made it. */
export function AssetStatusHistory({ changes }: { changes: readonly AssetStatusChange[] }) {
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No status changes yet.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={12} lineWidth={2} aria-label="Status changes">
      {changes.map((change) => (
        <Timeline.Item key={`${change.at}-${change.to}`}>
          <Text size="sm">
            {change.actor?.name ?? 'CivicDesk'} changed the status from {assetStatusLabel(change.from)} to{' '}
            {assetStatusLabel(change.to)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(change.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
