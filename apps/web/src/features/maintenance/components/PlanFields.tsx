import { Checkbox, Fieldset, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { MinutesInput } from '../../../components/ui/MinutesInput';
import { TimeZoneSelect } from '../../../components/ui/TimeZoneSelect';
import {
  categoryListQueryOptions,
  cityTimeZoneQueryOptions,
  queueListQueryOptions,
} from '../../../lib/reference-data/reference-data.queries';
import { departmentListQueryOptions } from '../api/maintenance.queries';
import { FanOutFields } from './FanOutFields';
import { MODE_OPTIONS, modeHint } from './maintenance-words';
import type { PlanField, PlanValues, ScheduleValues } from './plan-form';
import { assigneeOptions } from './queue-staff';
import { RecurrenceBuilder } from './RecurrenceBuilder';
import { WholeNumberInput } from './WholeNumberInput';

interface PlanFieldsProps {
  form: UseFormReturnType<PlanValues>;
  field: PlanField;
  /** The schedule as it stands, for the fields shown for its mode and fan-out. */
  schedule: ScheduleValues;
  /** A new plan may start paused; a saved one is paused and resumed with its own buttons. */
  isNew: boolean;
}

const PLACEHOLDERS = 'Placeholders: {{asset}}, {{asset_tag}}, {{due_date}}, {{plan}}.';

/** Every field of a plan: the tickets it makes, when, and for which assets. */
export function PlanFields({ form, field, schedule, isNew }: PlanFieldsProps) {
  const departments = useQuery(departmentListQueryOptions());
  const options = (records: readonly { id: string; name: string }[] | undefined) =>
    (records ?? []).map((record) => ({ value: record.id, label: record.name }));

  return (
    <Stack gap="md">
      <TextInput label="Plan name" required autoComplete="off" {...field('name')} />
      <TicketFields form={form} field={field} departmentOptions={options(departments.data)} />
      <ScheduleFields form={form} field={field} schedule={schedule} isNew={isNew} />
      <Fieldset legend="Assets" variant="filled">
        <FanOutFields form={form} field={field} schedule={schedule} departments={departments.data ?? []} />
      </Fieldset>
      {isNew ? (
        <Checkbox
          label="Start generating tickets once saved"
          description="Leave unticked to save the plan paused."
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
      ) : null}
    </Stack>
  );
}

interface TicketFieldsProps extends Pick<PlanFieldsProps, 'form' | 'field'> {
  departmentOptions: { value: string; label: string }[];
}

function TicketFields({ form, field, departmentOptions }: TicketFieldsProps) {
  const queues = useQuery(queueListQueryOptions());
  const categories = useQuery(categoryListQueryOptions());
  const queueOptions = (queues.data ?? []).map((queue) => ({ value: queue.id, label: queue.name }));
  const categoryOptions = (categories.data ?? []).map((category) => ({ value: category.id, label: category.name }));
  // The queue's people come first among the assignees.
  const queueId = form.useWatchValue('queueId');
  const assigneeId = form.useWatchValue('assigneeId');

  return (
    <Fieldset legend="Tickets" variant="filled">
      <Stack gap="sm">
        <TextInput
          label="Title"
          description={PLACEHOLDERS}
          placeholder="Patch {{asset}} by {{due_date}}"
          required
          autoComplete="off"
          {...field('titleTemplate')}
        />
        <Textarea
          label="Description"
          description={`${PLACEHOLDERS} A checklist: one “- [ ] step” per line.`}
          placeholder={'- [ ] Take a backup\n- [ ] Apply the updates\n- [ ] Restart and check the services'}
          autosize
          minRows={3}
          maxRows={12}
          {...field('descriptionTemplate')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Queue" required data={queueOptions} searchable {...field('queueId')} />
          <Select
            label="Assignee"
            placeholder="Nobody: the queue picks it up"
            data={assigneeOptions(queues.data ?? [], queueId, assigneeId)}
            searchable
            clearable
            {...field('assigneeId')}
          />
          <Select
            label="Department"
            description="Whom the work is for."
            required
            data={departmentOptions}
            searchable
            {...field('departmentId')}
          />
          <Select label="Category" placeholder="None" data={categoryOptions} searchable clearable {...field('categoryId')} />
          <MinutesInput label="Estimated time" hint="Optional: how long the work takes." {...field('estimatedMinutes')} />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}

function ScheduleFields({ form, field, schedule, isNew }: PlanFieldsProps) {
  const { mode } = schedule;
  const cityZone = useQuery(cityTimeZoneQueryOptions()).data;
  return (
    <Fieldset legend="Schedule" variant="filled">
      <Stack gap="sm">
        <Select label="Due" description={modeHint(mode)} data={MODE_OPTIONS} allowDeselect={false} {...field('mode')} />
        {mode === 'fixed' ? (
          <RecurrenceBuilder
            rule={schedule.rule}
            onChange={(rule) => form.setFieldValue('rule', rule)}
            startsOn={schedule.startsOn}
            error={field('rule').error}
          />
        ) : null}
        {mode === 'after_completion' ? (
          <WholeNumberInput label="Days after the last one is resolved" min={1} max={3660} {...field('intervalDays')} />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label={mode === 'fixed' ? 'Starts on' : 'First due on'} required {...field('startsOn')} />
          <TextInput type="date" label="Ends on" description="Optional: the last day." {...field('endsOn')} />
          <TextInput type="time" label="Due at" required {...field('dueTime')} />
          {/* Left empty, the API uses the city's zone; a saved plan keeps the one it has. */}
          <TimeZoneSelect
            label="Time zone"
            placeholder={cityZone ? `The city’s: ${cityZone}` : 'The city’s time zone'}
            clearable={isNew}
            {...field('timeZone')}
          />
          <WholeNumberInput
            label="Create the ticket"
            description="Days before it is due."
            min={0}
            max={366}
            {...field('leadDays')}
          />
        </SimpleGrid>
        {mode === 'replacement' ? (
          <Text size="xs" c="dimmed">
            Each asset below falls due on its replacement date, at the time above.
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
