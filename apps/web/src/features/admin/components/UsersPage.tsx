import { Badge, Button, Group } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dimmed, RowAction } from '../../../components/ui/DataTable';
import { FilterBar, FilterSelect } from '../../../components/ui/FilterBar';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Role, User } from '../../../lib/api/api-types';
import { ROLES, roleLabel } from '../../../lib/roles';
import { userListQueryOptions } from '../api/admin.queries';
import { useCrudDialog } from '../../../lib/forms/use-crud-dialog';
import { ActiveBadge } from './AdminBadges';
import { ResourceTable } from '../../../components/ui/ResourceTable';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';
import { UserFormModal } from './UserFormModal';

const ROLE_FILTER_OPTIONS = ROLES.map((role) => ({ value: role, label: roleLabel(role) }));

export function UsersPage() {
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const dialog = useCrudDialog<User, 'password'>();
  const users = useInfiniteQuery(userListQueryOptions({ search: debouncedSearch || undefined, role: role ?? undefined }));

  return (
    <>
      <PageHeader
        title="Users"
        description="People who can sign in to CivicDesk, their role and department."
        actions={<Button onClick={dialog.create}>New user</Button>}
      />
      <FilterBar
        search={search}
        onSearchChange={setSearch}
        searchPlaceholder="Name or email"
        searchWidth={280}
        refreshing={users.isFetching && !users.isPending}
      >
        <FilterSelect
          label="Role"
          placeholder="All roles"
          options={ROLE_FILTER_OPTIONS}
          value={role}
          onChange={setRole}
          width={180}
        />
      </FilterBar>
      <ResourceTable
        label="Users"
        query={users}
        rows={users.data?.pages.flatMap((page) => page.items) ?? []}
        minWidth={760}
        empty="No users match."
        nameOf={(user) => user.name}
        onEdit={dialog.edit}
        moreActions={(user) => (
          <RowAction label={`Set a temporary password for ${user.name}`} onClick={() => dialog.open('password', user)}>
            Set password
          </RowAction>
        )}
        columns={[
          { header: 'Name', strong: true, cell: (user) => user.name },
          { header: 'Email', cell: (user) => user.email },
          { header: 'Role', cell: (user) => roleLabel(user.role) },
          { header: 'Department', cell: (user) => user.departmentName ?? <Dimmed /> },
          {
            header: 'Status',
            cell: (user) => (
              <Group gap={4}>
                <ActiveBadge active={user.active} />
                {user.mustChangePassword ? (
                  <Badge color="yellow" variant="light">
                    Temporary password
                  </Badge>
                ) : null}
              </Group>
            ),
          },
        ]}
      />
      <UserFormModal opened={dialog.isOpen('form')} user={dialog.recordFor('form')} onClose={dialog.close} />
      <TemporaryPasswordModal user={dialog.recordFor('password')} onClose={dialog.close} />
    </>
  );
}
