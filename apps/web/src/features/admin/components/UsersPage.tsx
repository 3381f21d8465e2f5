import { Badge, Button, Group, Loader, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Role, User } from '../../../lib/api/api-types';
import { ROLES, roleLabel } from '../../../lib/roles';
import { userListQueryOptions } from '../api/admin.queries';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';
import { UserFormModal } from './UserFormModal';

const ROLE_FILTER_OPTIONS = ROLES.map((role) => ({ value: role, label: roleLabel(role) }));

type UserDialog = { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User };

export function UsersPage() {
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [dialog, setDialog] = useState<UserDialog>({ kind: 'closed' });
  const users = useInfiniteQuery(userListQueryOptions({ search: debouncedSearch || undefined, role: role ?? undefined }));
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];
  const close = () => setDialog({ kind: 'closed' });

  return (
    <>
      <PageHeader
        title="Users"
        description="People who can sign in to CivicDesk, their role and department."
        actions={<Button onClick={() => setDialog({ kind: 'create' })}>New user</Button>}
      />
      <Group mb="sm" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Name or email"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={280}
        />
        <Select
          label="Role"
          placeholder="All roles"
          data={ROLE_FILTER_OPTIONS}
          value={role}
          onChange={(value) => setRole(ROLES.find((r) => r === value) ?? null)}
          clearable
          w={180}
        />
        {users.isFetching && !users.isPending ? <Loader size="xs" aria-label="Refreshing" /> : null}
      </Group>
      {users.isError ? (
        <ErrorAlert title="Could not load users" error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Department</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Loader size="sm" aria-label="Loading users" />
                  </Table.Td>
                </Table.Tr>
              ) : rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" size="sm">
                      No users match.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                rows.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td fw={500}>{user.name}</Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>{roleLabel(user.role)}</Table.Td>
                    <Table.Td>
                      {user.departmentName ?? (
                        <Text span c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {user.active ? (
                          <Badge color="green" variant="light">
                            Active
                          </Badge>
                        ) : (
                          <Badge color="gray" variant="light">
                            Inactive
                          </Badge>
                        )}
                        {user.mustChangePassword ? (
                          <Badge color="yellow" variant="light">
                            Temporary password
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Edit ${user.name}`}
                          onClick={() => setDialog({ kind: 'edit', user })}
                        >
                          Edit
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Set a temporary password for ${user.name}`}
                          onClick={() => setDialog({ kind: 'password', user })}
                        >
                          Set password
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
      {users.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button variant="default" loading={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
            Load more
          </Button>
        </Group>
      ) : null}
      <UserFormModal
        opened={dialog.kind === 'create' || dialog.kind === 'edit'}
        user={dialog.kind === 'edit' ? dialog.user : null}
        onClose={close}
      />
      <TemporaryPasswordModal user={dialog.kind === 'password' ? dialog.user : null} onClose={close} />
    </>
  );
}
