import { Badge, Group, Text } from '@mantine/core';
import { WORD_BADGE_STYLES } from '../../../components/ui/TicketBadges';
import { assetStatusLabel, type AssetStatus } from '../../../lib/assets/asset-vocabulary';
import { formatDate } from '../../../lib/time/format-date';

const STATUS_COLORS: Record<AssetStatus, string> = { in_service: 'green', in_repair: 'orange', retired: 'gray' };

export function AssetStatusBadge({ status }: { status: AssetStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" styles={WORD_BADGE_STYLES}>
      {assetStatusLabel(status)}
    </Badge>
  );
}

/** The replacement date, with "Overdue" in words (not only in red) once it has come. */
export function ReplacementDue({ date, overdue }: { date: string | null; overdue: boolean }) {
  if (!date)
    return (
      <Text span c="dimmed" size="sm">
        No purchase date
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm">
        {formatDate(date)}
      </Text>
      {overdue ? (
        <Badge color="red" variant="light" styles={WORD_BADGE_STYLES}>
          Overdue
        </Badge>
      ) : null}
    </Group>
  );
}
