import { Select, Text, Textarea, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import { MinutesInput } from '../../../components/ui/MinutesInput';
import type { TicketDetail, WorkLog } from '../../../lib/api/api-types';
import { useSaveRecord } from '../../../lib/forms/use-save-record';
import { isManagerOrAdmin } from '../../../lib/roles';
import { useCurrentUser } from '../../../lib/session/current-user';
import { formatWorkMinutes } from '../../../lib/time/durations';
import { useCityToday } from '../../../lib/time/use-city-today';
import { useAddWorkLog, useUpdateWorkLog } from '../hooks/use-cost-mutations';
import { personOptions, useTicketStaff } from '../hooks/use-ticket-staff';
import { MAX_WORK_LOG_MINUTES, workMinutes } from './cost-words';

interface WorkLogFormModalProps {
  ticket: TicketDetail;
  /** The work log to edit; null to log new time. */
  log: WorkLog | null;
  opened: boolean;
  onClose: () => void;
}

export function WorkLogFormModal({ ticket, log, opened, onClose }: WorkLogFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={log ? 'Edit work log' : 'Log time'}>
      <WorkLogForm key={log?.id ?? 'new'} ticket={ticket} log={log} onDone={onClose} />
    </FormModal>
  );
}

interface WorkLogValues {
  userId: string | null;
  workDate: string;
  minutes: number | string;
  note: string;
}

function WorkLogForm({ ticket, log, onDone }: { ticket: TicketDetail; log: WorkLog | null; onDone: () => void }) {
  const me = useCurrentUser();
  const today = useCityToday();
  const form = useForm<WorkLogValues>({
    initialValues: {
      userId: log?.user.id ?? me.id,
      workDate: log?.workDate ?? today,
      minutes: log?.minutes ?? '',
      note: log?.note ?? '',
    },
    validate: {
      workDate: isNotEmpty('Choose the day of the work'),
      minutes: (value) => (workMinutes(value) === null ? `Whole minutes, from 1 to ${MAX_WORK_LOG_MINUTES} (a day)` : null),
    },
  });
  const save = useSaveRecord({
    record: log,
    createMutation: useAddWorkLog(ticket.id),
    updateMutation: useUpdateWorkLog(ticket.id),
    form,
    savedMessage: (saved, created) =>
      created ? `Logged ${formatWorkMinutes(saved.minutes)} for ${saved.user.name}.` : 'The work log was saved.',
    onDone,
  });

  const handleSubmit = form.onSubmit((values) => {
    const minutes = workMinutes(values.minutes);
    if (minutes === null) return;
    const input = { workDate: values.workDate, minutes, note: values.note.trim() };
    if (log) save.update(input);
    // Left out, the API logs the time as the signed-in person's.
    else save.create({ ...input, ...(values.userId && values.userId !== me.id ? { userId: values.userId } : {}) });
  });

  return (
    <DialogForm
      onSubmit={handleSubmit}
      error={save.error}
      errorTitle="Could not save the work log"
      submitLabel={log ? 'Save' : 'Log time'}
      submitting={save.saving}
      onCancel={onDone}
      intro={log ? <Text size="sm">Time worked by {log.user.name}, costed at their rate on the day.</Text> : undefined}
    >
      {!log && isManagerOrAdmin(me.role) ? <TechnicianSelect ticket={ticket} {...form.getInputProps('userId')} /> : null}
      <TextInput label="Date" type="date" required max={today} {...form.getInputProps('workDate')} />
      <MinutesInput
        label="Minutes"
        required
        max={MAX_WORK_LOG_MINUTES}
        hint="How long the work took: 90 for an hour and a half"
        {...form.getInputProps('minutes')}
      />
      <Textarea label="Note" autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
    </DialogForm>
  );
}

interface TechnicianSelectProps {
  ticket: TicketDetail;
  value?: string | null;
  onChange: (value: string | null) => void;
  error?: string;
}

/** Managers log time for the people who work the ticket's queue (and themselves). */
function TechnicianSelect({ ticket, value, onChange, error }: TechnicianSelectProps) {
  const me = useCurrentUser();
  const { people } = useTicketStaff(ticket);
  const everyone = people.some((p) => p.id === me.id) ? people : [{ id: me.id, name: me.name }, ...people];
  return (
    <Select
      label="Technician"
      description="Whose time it is: it is costed at their rate"
      data={personOptions(everyone, me.id)}
      value={value}
      onChange={onChange}
      allowDeselect={false}
      searchable
      error={error}
    />
  );
}
