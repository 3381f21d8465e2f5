import { Badge, Button, Group, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Queue } from '../../../lib/api/api-types';
import { queueListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { useDeleteQueue } from '../hooks/use-admin-mutations';
import { ConfirmDeleteModal } from './ConfirmDeleteModal';
import { QueueFormModal } from './QueueFormModal';
import { QueueMembersModal } from './QueueMembersModal';

type QueueDialog =
  | { kind: 'closed' }
  | { kind: 'create' }
  | { kind: 'edit'; queue: Queue }
  | { kind: 'members'; queue: Queue }
  | { kind: 'delete'; queue: Queue };

export function QueuesPage() {
  const queues = useQuery(queueListQueryOptions());
  const deleteQueue = useDeleteQueue();
  const [dialog, setDialog] = useState<QueueDialog>({ kind: 'closed' });
  const close = () => setDialog({ kind: 'closed' });
  const rows = queues.data ?? [];

  return (
    <>
      <PageHeader
        title="Queues"
        description="Teams’ work lists. A restricted queue’s tickets are visible to its members only."
        actions={<Button onClick={() => setDialog({ kind: 'create' })}>New queue</Button>}
      />
      {queues.isError ? (
        <ErrorAlert title="Could not load queues" error={queues.error} onRetry={() => void queues.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Queues">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Access</Table.Th>
                <Table.Th>Lead</Table.Th>
                <Table.Th>Members</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queues.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Loader size="sm" aria-label="Loading queues" />
                  </Table.Td>
                </Table.Tr>
              ) : rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" size="sm">
                      No queues yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                rows.map((queue) => (
                  <Table.Tr key={queue.id}>
                    <Table.Td fw={500}>
                      {queue.name}
                      {queue.systemKey ? (
                        <Badge ml="xs" size="xs" variant="outline" color="gray">
                          Built-in
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {queue.restricted ? (
                        <Badge color="grape" variant="light">
                          Restricted
                        </Badge>
                      ) : (
                        <Text span c="dimmed" size="sm">
                          All staff
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {queue.lead?.name ?? (
                        <Text span c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {queue.members.length === 0 ? (
                          <Text span c="dimmed" size="sm">
                            Nobody yet
                          </Text>
                        ) : (
                          queue.members.map((m) => m.name).join(', ')
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Edit ${queue.name}`}
                          onClick={() => setDialog({ kind: 'edit', queue })}
                        >
                          Edit
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Members of ${queue.name}`}
                          onClick={() => setDialog({ kind: 'members', queue })}
                        >
                          Members
                        </Button>
                        {queue.systemKey ? null : (
                          <Button
                            size="compact-sm"
                            variant="default"
                            color="red"
                            aria-label={`Delete ${queue.name}`}
                            onClick={() => setDialog({ kind: 'delete', queue })}
                          >
                            Delete
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <QueueFormModal
        opened={dialog.kind === 'create' || dialog.kind === 'edit'}
        queue={dialog.kind === 'edit' ? dialog.queue : null}
        onClose={close}
      />
      <QueueMembersModal queue={dialog.kind === 'members' ? dialog.queue : null} onClose={close} />
      <ConfirmDeleteModal
        title="Delete queue"
        id={dialog.kind === 'delete' ? dialog.queue.id : null}
        name={dialog.kind === 'delete' ? dialog.queue.name : null}
        mutation={deleteQueue}
        onClose={close}
      />
    </>
  );
}
