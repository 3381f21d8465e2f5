import { Badge } from '@mantine/core';
import type { SlaState, TicketSlaSummary } from '../../lib/api/api-types';
import { liveSlaState } from '../../lib/tickets/sla-state';
import { slaStateWords } from '../../lib/tickets/sla-vocabulary';
import { dueCountdown } from '../../lib/time/due-countdown';
import { formatDateTime } from '../../lib/time/format-date';
import { WORD_BADGE_STYLES } from './TicketBadges';

/** States with a clock still counting towards (or past) a due time. */
const COUNTING: ReadonlySet<SlaState> = new Set(['on_time', 'at_risk', 'breached']);

interface SlaChipProps {
  sla: TicketSlaSummary;
  /** The next due time of a running target; past once breached. */
  dueAt: string | null;
  /** The page's clock (see useNow), so every chip on a page ticks from one timer. */
  now: number;
}

/**
 * "At risk · due in 25 min", "Breached · overdue by 35 min", "Paused", "Met": how the ticket stands
 * against its SLA, in words, a glyph and a colour; nothing when no target applies. The state moves
 * on as `atRiskAt` and `dueAt` pass, with the page's clock.
 */
export function SlaChip({ sla, dueAt, now }: SlaChipProps) {
  const state = liveSlaState(sla, dueAt, now);
  if (state === 'none') return null;
  const words = slaStateWords(state);
  const countdown = dueAt !== null && COUNTING.has(state) ? dueCountdown(dueAt, now).text : null;
  const title = dueAt
    ? `Due ${formatDateTime(dueAt)}`
    : state === 'paused'
      ? 'Paused: no due time while the clock waits'
      : undefined;
  return (
    <Badge
      color={words.color}
      variant={state === 'breached' ? 'filled' : 'light'}
      styles={WORD_BADGE_STYLES}
      leftSection={<span aria-hidden="true">{words.glyph}</span>}
      title={title}
    >
      {countdown ? `${words.label} · ${countdown}` : words.label}
    </Badge>
  );
}
