import { MultiSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import { errorMessage } from '../../../lib/api/api-error';
import type { Queue } from '../../../lib/api/api-types';
import { roleLabel } from '../../../lib/roles';
import { staffUserListQueryOptions } from '../api/admin.queries';
import { useSetQueueMembers } from '../hooks/use-admin-mutations';

export function QueueMembersModal({ queue, onClose }: { queue: Queue | null; onClose: () => void }) {
  return (
    <FormModal opened={queue !== null} onClose={onClose} title={queue ? `Members of ${queue.name}` : 'Members'}>
      {queue ? <QueueMembersForm key={queue.id} queue={queue} onDone={onClose} /> : null}
    </FormModal>
  );
}

function QueueMembersForm({ queue, onDone }: { queue: Queue; onDone: () => void }) {
  const staff = useQuery(staffUserListQueryOptions());
  const setMembers = useSetQueueMembers();
  const [userIds, setUserIds] = useState(queue.members.map((m) => m.id));

  const options = (staff.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${roleLabel(u.role)})` }));
  for (const member of queue.members) {
    if (!options.some((o) => o.value === member.id)) options.push({ value: member.id, label: member.name });
  }

  return (
    <DialogForm
      onSubmit={(event) => {
        event.preventDefault();
        setMembers.mutate(
          { id: queue.id, userIds },
          {
            onSuccess: (saved) => {
              notifications.show({ color: 'green', message: `${saved.name} now has ${saved.members.length} members.` });
              onDone();
            },
          },
        );
      }}
      error={setMembers.error ? errorMessage(setMembers.error) : null}
      errorTitle="Could not save the members"
      submitLabel="Save members"
      submitting={setMembers.isPending}
      onCancel={onDone}
    >
      <MultiSelect
        label="Members"
        description="Technicians, managers and admins who work this queue."
        placeholder={staff.isPending ? 'Loading staff…' : 'Add people'}
        data={options}
        value={userIds}
        onChange={setUserIds}
        searchable
        clearable
        nothingFoundMessage="Nobody matches"
      />
    </DialogForm>
  );
}
