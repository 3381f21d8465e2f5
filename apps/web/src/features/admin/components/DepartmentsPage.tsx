import { Badge, Button, Group, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Department } from '../../../lib/api/api-types';
import { departmentListQueryOptions } from '../api/admin.queries';
import { DeleteDepartmentModal } from './DeleteDepartmentModal';
import { DepartmentFormModal } from './DepartmentFormModal';

type DepartmentDialog =
  { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; department: Department } | { kind: 'delete'; department: Department };

export function DepartmentsPage() {
  const departments = useQuery(departmentListQueryOptions());
  const [dialog, setDialog] = useState<DepartmentDialog>({ kind: 'closed' });
  const close = () => setDialog({ kind: 'closed' });
  const rows = departments.data ?? [];

  return (
    <>
      <PageHeader
        title="Departments"
        description="City departments that file tickets. Life-safety departments get higher priority."
        actions={<Button onClick={() => setDialog({ kind: 'create' })}>New department</Button>}
      />
      {departments.isError ? (
        <ErrorAlert title="Could not load departments" error={departments.error} onRetry={() => void departments.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Departments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Code</Table.Th>
                <Table.Th>Life-safety</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {departments.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Loader size="sm" aria-label="Loading departments" />
                  </Table.Td>
                </Table.Tr>
              ) : rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" size="sm">
                      No departments yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                rows.map((department) => (
                  <Table.Tr key={department.id}>
                    <Table.Td fw={500}>{department.name}</Table.Td>
                    <Table.Td>
                      <Text span ff="monospace" size="sm">
                        {department.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {department.lifeSafety ? (
                        <Badge color="red" variant="light">
                          Life-safety
                        </Badge>
                      ) : (
                        <Text span c="dimmed" size="sm">
                          No
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Edit ${department.name}`}
                          onClick={() => setDialog({ kind: 'edit', department })}
                        >
                          Edit
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          color="red"
                          aria-label={`Delete ${department.name}`}
                          onClick={() => setDialog({ kind: 'delete', department })}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <DepartmentFormModal
        opened={dialog.kind === 'create' || dialog.kind === 'edit'}
        department={dialog.kind === 'edit' ? dialog.department : null}
        onClose={close}
      />
      <DeleteDepartmentModal department={dialog.kind === 'delete' ? dialog.department : null} onClose={close} />
    </>
  );
}
