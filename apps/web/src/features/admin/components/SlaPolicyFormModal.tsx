import { Fieldset, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import type { SlaPolicy } from '../../../lib/api/api-types';
import { categoryListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { kindLabel, OPEN_STATUSES, PRIORITIES, statusLabel, TICKET_KINDS } from '../../../lib/tickets/ticket-vocabulary';
import { departmentListQueryOptions } from '../api/admin.queries';
import { calendarListQueryOptions } from '../api/calendars.queries';
import { useCreateSlaPolicy, useUpdateSlaPolicy } from '../hooks/use-sla-policy-mutations';
import { useSaveRecord } from '../../../lib/forms/use-save-record';
import { BusinessMinutesInput } from './BusinessMinutesInput';
import { EscalationLevelsEditor } from './EscalationLevelsEditor';
import {
  DEPARTMENT_CALENDAR,
  slaPolicyErrors,
  slaPolicyInput,
  slaPolicyValues,
  whatIfTargetsOf,
  type SlaPolicyValues,
} from './sla-policy-form';
import { SlaPolicyVersions } from './SlaPolicyVersions';
import { WhatIfPreview } from './WhatIfPreview';

const KIND_OPTIONS = TICKET_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }));
const STATUS_OPTIONS = OPEN_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }));

interface SlaPolicyFormModalProps {
  /** The policy to edit; null opens the form for a new one. */
  policy: SlaPolicy | null;
  opened: boolean;
  onClose: () => void;
}

export function SlaPolicyFormModal({ policy, opened, onClose }: SlaPolicyFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={policy ? `Edit ${policy.name}` : 'New SLA policy'} size="xl">
      <SlaPolicyForm key={policy?.id ?? 'new'} policy={policy} onDone={onClose} />
      {policy ? <SlaPolicyVersions policyId={policy.id} /> : null}
    </FormModal>
  );
}

function SlaPolicyForm({ policy, onDone }: { policy: SlaPolicy | null; onDone: () => void }) {
  const departments = useQuery(departmentListQueryOptions());
  const categories = useQuery(categoryListQueryOptions({ includeInactive: true }));
  const calendars = useQuery(calendarListQueryOptions());
  const form = useForm<SlaPolicyValues>({ initialValues: slaPolicyValues(policy), validate: slaPolicyErrors });
  const save = useSaveRecord({
    record: policy,
    createMutation: useCreateSlaPolicy(),
    updateMutation: useUpdateSlaPolicy(),
    form,
    savedMessage: (saved, created) =>
      created ? `${saved.name} was created.` : `${saved.name} was saved as version ${saved.version}.`,
    onDone,
  });
  const input = slaPolicyInput(form.values);

  return (
    <DialogForm
      onSubmit={form.onSubmit((values) => save.save(slaPolicyInput(values)))}
      error={save.error}
      errorTitle="Could not save the SLA policy"
      submitLabel={policy ? 'Save as a new version' : 'Create policy'}
      submitting={save.saving}
      onCancel={onDone}
    >
      <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
      <Fieldset legend="Applies to" variant="filled">
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            Leave a list empty for “any”. Tickets get the first active policy in the list whose conditions they match.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect label="Kinds" placeholder="Any kind" data={KIND_OPTIONS} clearable {...form.getInputProps('kinds')} />
            <MultiSelect
              label="Priorities"
              placeholder="Any priority"
              data={[...PRIORITIES]}
              clearable
              {...form.getInputProps('priorities')}
            />
            <MultiSelect
              label="Departments"
              placeholder="Any department"
              data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              searchable
              clearable
              {...form.getInputProps('departmentIds')}
            />
            <MultiSelect
              label="Categories"
              placeholder="Any category"
              data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              searchable
              clearable
              {...form.getInputProps('categoryIds')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend="Targets" variant="filled">
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <BusinessMinutesInput
              label="First response"
              hint="Business minutes; empty for none"
              {...form.getInputProps('firstResponseMinutes')}
            />
            <BusinessMinutesInput
              label="Resolution"
              hint="Business minutes; empty for none"
              {...form.getInputProps('resolutionMinutes')}
            />
            <BusinessMinutesInput
              label="Next response"
              hint="After a requester reply; optional"
              {...form.getInputProps('nextResponseMinutes')}
            />
          </SimpleGrid>
          <MultiSelect
            label="Pause statuses"
            description="The resolution clock stops while a ticket is in one of these."
            placeholder="Never paused"
            data={STATUS_OPTIONS}
            clearable
            {...form.getInputProps('pauseStatuses')}
          />
          <Select
            label="Calendar"
            description="Whose business hours the clock counts."
            data={[
              { value: DEPARTMENT_CALENDAR, label: 'The ticket department’s calendar' },
              ...(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
            allowDeselect={false}
            {...form.getInputProps('calendarId')}
          />
        </Stack>
      </Fieldset>
      <EscalationLevelsEditor form={form} />
      <WhatIfPreview
        targets={whatIfTargetsOf(form.values)}
        conditions={input}
        calendarId={input.calendarId}
        departments={departments.data ?? []}
        calendars={calendars.data ?? []}
      />
    </DialogForm>
  );
}
