import { Badge, Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Dimmed, RowAction } from '../../../components/ui/DataTable';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Queue } from '../../../lib/api/api-types';
import { queueListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { useDeleteQueue } from '../hooks/use-admin-mutations';
import { useCrudDialog } from '../../../lib/forms/use-crud-dialog';
import { BuiltInBadge } from './AdminBadges';
import { QueueFormModal } from './QueueFormModal';
import { QueueMembersModal } from './QueueMembersModal';
import { ResourceTable } from '../../../components/ui/ResourceTable';

export function QueuesPage() {
  const queues = useQuery(queueListQueryOptions());
  const deleteQueue = useDeleteQueue();
  const dialog = useCrudDialog<Queue, 'members'>();

  return (
    <>
      <PageHeader
        title="Queues"
        description="Teams’ work lists. A restricted queue’s tickets are visible to its members only."
        actions={<Button onClick={dialog.create}>New queue</Button>}
      />
      <ResourceTable
        label="Queues"
        query={queues}
        rows={queues.data ?? []}
        minWidth={720}
        empty="No queues yet."
        nameOf={(queue) => queue.name}
        onEdit={dialog.edit}
        deletion={{ noun: 'queue', mutation: deleteQueue, allowed: (queue) => !queue.systemKey }}
        moreActions={(queue) => (
          <RowAction label={`Members of ${queue.name}`} onClick={() => dialog.open('members', queue)}>
            Members
          </RowAction>
        )}
        columns={[
          {
            header: 'Name',
            strong: true,
            cell: (queue) => (
              <>
                {queue.name}
                <BuiltInBadge systemKey={queue.systemKey} />
              </>
            ),
          },
          {
            header: 'Access',
            cell: (queue) =>
              queue.restricted ? (
                <Badge color="grape" variant="light">
                  Restricted
                </Badge>
              ) : (
                <Dimmed size="sm">All staff</Dimmed>
              ),
          },
          { header: 'Lead', cell: (queue) => queue.lead?.name ?? <Dimmed /> },
          {
            header: 'Members',
            cell: (queue) => (
              <Text size="sm" lineClamp={2}>
                {queue.members.length === 0 ? <Dimmed size="sm">Nobody yet</Dimmed> : queue.members.map((m) => m.name).join(', ')}
              </Text>
            ),
          },
        ]}
      />
      <QueueFormModal opened={dialog.isOpen('form')} queue={dialog.recordFor('form')} onClose={dialog.close} />
      <QueueMembersModal queue={dialog.recordFor('members')} onClose={dialog.close} />
    </>
  );
}
