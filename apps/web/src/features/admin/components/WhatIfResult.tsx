import { Alert, List, Stack, Text } from '@mantine/core';
import type { Calendar } from '../../../lib/api/api-types';
import { describeLevel, describeNextResponse, describeOutcome, toClockCalendar, whatIf, type WhatIfTargets } from './sla-what-if';

interface WhatIfResultProps {
  targets: WhatIfTargets;
  calendar: Calendar;
  filedAt: Date | null;
  /** "A P2 incident from Finance" */
  subject: string;
  /** Whether the policy's conditions let it apply to that ticket at all. */
  covered: boolean;
  /** Why this calendar: "the policy’s calendar", "Finance’s calendar". */
  whose: string;
}

/** The example ticket's due times and escalations in words, or why the calendar cannot give any. */
export function WhatIfResult({ targets, calendar, filedAt, subject, covered, whose }: WhatIfResultProps) {
  if (!filedAt) return <Text size="sm">Enter when the ticket is filed.</Text>;
  const result = whatIf(targets, toClockCalendar(calendar), filedAt);
  if (result.problems) {
    return (
      <Alert color="orange" variant="light" title={`${calendar.name} cannot run an SLA clock`}>
        {result.problems.join(' ')}
      </Alert>
    );
  }
  const nextResponse = describeNextResponse(targets);
  return (
    <Stack gap="xs" role="status" aria-label="What-if result">
      {covered ? null : (
        <Alert color="yellow" variant="light" title="This policy would not apply">
          Its conditions leave this ticket to another policy; the times below are what it would get if it did apply.
        </Alert>
      )}
      <Text size="sm">{describeOutcome(subject, filedAt, calendar.timeZone, targets, result.outcome)}</Text>
      {nextResponse ? <Text size="sm">{nextResponse}</Text> : null}
      {result.outcome.levels.length > 0 ? (
        <List size="sm" aria-label="Escalations">
          {result.outcome.levels.map((level) => (
            <List.Item key={`${level.target}-${level.level}`}>{describeLevel(level, calendar.timeZone)}</List.Item>
          ))}
        </List>
      ) : null}
      <Text size="xs" c="dimmed">
        Counted on {calendar.name} ({whose}), times in {calendar.timeZone}.
      </Text>
    </Stack>
  );
}
