import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { SlaSegment, SlaSegmentState } from '../../../lib/api/api-types';
import { SLA_SEGMENT_STATES, slaSegmentLabel } from '../../../lib/tickets/sla-vocabulary';
import { formatMinutes } from '../../../lib/time/due-countdown';
import { formatDateTime } from '../../../lib/time/format-date';

const stripes = (angle: number, a: string, b: string, width: number) =>
  `repeating-linear-gradient(${angle}deg, var(--mantine-color-${a}) 0 ${width}px, var(--mantine-color-${b}) ${width}px ${width * 2}px)`;

/** Each state its own pattern as well as colour, so the bar reads without telling colours apart. */
const FILL: Record<SlaSegmentState, CSSProperties> = {
  running: { background: 'var(--mantine-color-blue-6)' },
  paused: { background: stripes(45, 'yellow-6', 'yellow-2', 4) },
  outside_hours: { background: stripes(90, 'gray-4', 'gray-1', 2) },
  stopped: { background: stripes(-45, 'gray-7', 'gray-5', 3) },
};

const durationMs = (segment: SlaSegment) => Date.parse(segment.to) - Date.parse(segment.from);
// Hours, as the targets table counts: running stretches are business time, whose days are not 24 hours.
const hoursOf = (ms: number) => formatMinutes(Math.round(ms / 60_000), { days: false });

/**
 * The resolution clock's stretches from the ticket's creation to now, as a bar in proportion to
 * wall-clock time, with a legend; screen readers get the same stretches as a list.
 */
export function SlaSegmentBar({ segments }: { segments: readonly SlaSegment[] }) {
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!first || !last) return null;
  const total = Math.max(Date.parse(last.to) - Date.parse(first.from), 1);
  const shown = SLA_SEGMENT_STATES.filter((state) => segments.some((s) => s.state === state));

  return (
    <div>
      <Box aria-hidden="true" style={{ display: 'flex', height: 16, borderRadius: 4, overflow: 'hidden' }} bd="1px solid gray.4">
        {segments.map((segment) => (
          <div
            key={`${segment.from}-${segment.state}`}
            title={`${slaSegmentLabel(segment.state)}: ${formatDateTime(segment.from)} – ${formatDateTime(segment.to)}`}
            style={{ ...FILL[segment.state], width: `${(durationMs(segment) / total) * 100}%` }}
          />
        ))}
      </Box>
      <Group gap="md" mt={6} aria-label="Legend" role="list">
        {shown.map((state) => (
          <Group key={state} gap={6} role="listitem" wrap="nowrap">
            <Box w={14} h={14} style={{ ...FILL[state], borderRadius: 2 }} bd="1px solid gray.5" />
            <Text size="xs">
              {slaSegmentLabel(state)} ·{' '}
              {hoursOf(segments.filter((s) => s.state === state).reduce((sum, s) => sum + durationMs(s), 0))}
            </Text>
          </Group>
        ))}
      </Group>
      <VisuallyHidden component="ol" aria-label="Clock segments">
        {segments.map((segment) => (
          <li key={`${segment.from}-${segment.state}`}>
            {slaSegmentLabel(segment.state)} from {formatDateTime(segment.from)} to {formatDateTime(segment.to)}
          </li>
        ))}
      </VisuallyHidden>
    </div>
  );
}
