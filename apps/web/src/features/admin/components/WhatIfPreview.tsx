import { Fieldset, Loader, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import type { Calendar, Department, Priority, TicketKind } from '../../../lib/api/api-types';
import { kindLabel, PRIORITIES, TICKET_KINDS } from '../../../lib/tickets/ticket-vocabulary';
import { instantInZone, nextWeekdayAt, type LocalDateTime } from '../../../lib/time/zoned-time';
import { calendarQueryOptions } from '../api/calendars.queries';
import { describeTicket, type PolicyConditions } from './sla-policy-words';
import { policyCovers, type WhatIfTargets } from './sla-what-if';
import { WhatIfResult } from './WhatIfResult';

const FRIDAY = 5;
const KIND_OPTIONS = TICKET_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }));
/** The city's default calendar, used by departments that have none of their own. */
const CITY_DEFAULT = 'city_office_hours';

interface WhatIfPreviewProps {
  /** The form's current (unsaved) targets. */
  targets: WhatIfTargets;
  conditions: PolicyConditions;
  /** The policy's own calendar; null when it uses the ticket department's. */
  calendarId: string | null;
  departments: readonly Department[];
  /** For the city's office hours, which departments without a calendar of their own work to. */
  calendars: readonly Calendar[];
}

/**
 * "What if a P2 incident from Finance were filed on Friday at 16:30?": the due times and
 * escalations the policy's current targets would give it, worked out in the browser by the same
 * SLA library the API uses, on the chosen calendar with its holidays.
 */
export function WhatIfPreview({ targets, conditions, calendarId, departments, calendars }: WhatIfPreviewProps) {
  const [now] = useState(() => new Date());
  const [kind, setKind] = useState<TicketKind | null>(null);
  const [priority, setPriority] = useState<Priority | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [filed, setFiled] = useState<LocalDateTime | null>(null);

  // Until the admin picks, an example the policy covers.
  const ticketKind = kind ?? conditions.kinds[0] ?? 'incident';
  const ticketPriority = priority ?? conditions.priorities[0] ?? 'P2';
  const department = departments.find((d) => d.id === (departmentId ?? conditions.departmentIds[0])) ?? departments[0];
  // The policy's calendar, else the department's, else (a department without one) the city's office hours.
  const usedCalendarId = calendarId ?? department?.calendarId ?? calendars.find((c) => c.systemKey === CITY_DEFAULT)?.id ?? null;
  const calendar = useQuery({ ...calendarQueryOptions(usedCalendarId ?? ''), enabled: usedCalendarId !== null });
  const timeZone = calendar.data?.timeZone ?? 'UTC';
  const filedLocal = filed ?? nextWeekdayAt(now, timeZone, FRIDAY, 16, 30);

  return (
    <Fieldset legend="What if" variant="filled">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          Try the targets above, saved or not, on an example ticket filed with nothing else happening to it.
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Select
            label="Kind"
            data={KIND_OPTIONS}
            value={ticketKind}
            onChange={(value) => setKind(TICKET_KINDS.find((k) => k === value) ?? null)}
            allowDeselect={false}
          />
          <Select
            label="Priority"
            data={[...PRIORITIES]}
            value={ticketPriority}
            onChange={(value) => setPriority(PRIORITIES.find((p) => p === value) ?? null)}
            allowDeselect={false}
          />
          <Select
            label="Department"
            data={departments.map((d) => ({ value: d.id, label: d.name }))}
            value={department?.id ?? null}
            onChange={setDepartmentId}
            allowDeselect={false}
            searchable
          />
          <TextInput
            type="datetime-local"
            label="Filed at"
            description={calendar.data ? `In ${timeZone}` : undefined}
            value={filedLocal}
            onChange={(event) => setFiled(event.currentTarget.value)}
          />
        </SimpleGrid>
        {calendar.isError ? (
          <ErrorAlert title="Could not load the calendar" error={calendar.error} onRetry={() => void calendar.refetch()} />
        ) : !department || !usedCalendarId ? (
          <Text size="sm">Add a department and a calendar to preview.</Text>
        ) : !calendar.data ? (
          <Loader size="sm" aria-label="Loading the calendar" />
        ) : (
          <WhatIfResult
            targets={targets}
            calendar={calendar.data}
            filedAt={instantInZone(filedLocal, timeZone)}
            subject={describeTicket(ticketKind, ticketPriority, department.name)}
            covered={policyCovers(conditions, { kind: ticketKind, priority: ticketPriority, departmentId: department.id })}
            whose={calendarId ? 'the policy’s calendar' : `${department.name}’s calendar`}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
