import { Badge, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { CalendarItem } from '../api/maintenance-types';
import { byDueDay, monthWeeks, weekColumns, type DayKey, type GridDay, type Month } from './calendar-month';
import { CalendarEntry } from './CalendarEntry';
import { fullDate, weekdayName } from './date-words';

interface MonthGridProps {
  month: Month;
  /** The month's caption: "March 2026". */
  title: string;
  items: readonly CalendarItem[];
  today: DayKey;
  /** 1 = Monday … 7 = Sunday. */
  firstDay: number;
}

/** The month as seven columns in the reader's week, each item on the day it is due. */
export function MonthGrid({ month, title, items, today, firstDay }: MonthGridProps) {
  const days = byDueDay(items);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder withColumnBorders layout="fixed" aria-label={`Maintenance in ${title}`}>
        <Table.Thead>
          <Table.Tr>
            {weekColumns(firstDay).map((column) => (
              <Table.Th key={column} ta="center">
                <abbr title={weekdayName(column)} style={{ textDecoration: 'none' }}>
                  {weekdayName(column, 'short')}
                </abbr>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {monthWeeks(month, firstDay).map((week) => (
            <Table.Tr key={week[0]?.key}>
              {week.map((day) => (
                <DayCell key={day.key} day={day} items={day.inMonth ? (days.get(day.key) ?? []) : []} today={day.key === today} />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DayCell({ day, items, today }: { day: GridDay; items: readonly CalendarItem[]; today: boolean }) {
  const date = fullDate(day.date);
  return (
    <Table.Td
      valign="top"
      h={110}
      bg={today ? 'yellow.0' : day.inMonth ? undefined : 'gray.0'}
      aria-current={today ? 'date' : undefined}
    >
      <Stack gap={4}>
        <Text size="sm" fw={today ? 700 : 400} c={day.inMonth ? undefined : 'dimmed'}>
          <time dateTime={day.key}>
            {day.date.getDate()}
            <VisuallyHidden>{`, ${date}`}</VisuallyHidden>
          </time>
          {today ? (
            <Badge component="span" size="xs" ml={6} variant="filled" color="yellow.8">
              Today
            </Badge>
          ) : null}
        </Text>
        {items.length > 0 ? (
          <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Due on ${date}`}>
            {items.map((item) => (
              <li key={item.id}>
                <CalendarEntry item={item} />
              </li>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Table.Td>
  );
}
