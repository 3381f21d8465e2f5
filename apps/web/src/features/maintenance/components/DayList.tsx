import { Badge, Stack, Text, Title } from '@mantine/core';
import type { CalendarItem } from '../api/maintenance-types';
import { byDueDay, type DayKey } from './calendar-month';
import { CalendarEntry } from './CalendarEntry';
import { fullDate } from './date-words';

/** The month's work as a list, one heading per day that has any. */
export function DayList({ items, today }: { items: readonly CalendarItem[]; today: DayKey }) {
  const days = [...byDueDay(items)];
  if (days.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        Nothing is due this month.
      </Text>
    );
  }
  return (
    <Stack gap="lg">
      {days.map(([key, dayItems]) => {
        const date = fullDate(new Date(dayItems[0]?.dueAt ?? key));
        return (
          <section key={key} aria-label={date}>
            <Title order={3} size="h5" mb="xs">
              {date}
              {key === today ? (
                <Badge component="span" size="xs" ml="xs" variant="filled" color="yellow.8">
                  Today
                </Badge>
              ) : null}
            </Title>
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {dayItems.map((item) => (
                <li key={item.id}>
                  <CalendarEntry item={item} detailed />
                </li>
              ))}
            </Stack>
          </section>
        );
      })}
    </Stack>
  );
}
