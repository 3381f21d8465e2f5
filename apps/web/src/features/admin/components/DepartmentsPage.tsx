import { Badge, Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Dimmed } from '../../../components/ui/DataTable';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Department } from '../../../lib/api/api-types';
import { departmentListQueryOptions } from '../api/admin.queries';
import { calendarListQueryOptions } from '../api/calendars.queries';
import { useDeleteDepartment } from '../hooks/use-admin-mutations';
import { useCrudDialog } from '../../../lib/forms/use-crud-dialog';
import { DEFAULT_CALENDAR_LABEL, DepartmentFormModal } from './DepartmentFormModal';
import { ResourceTable } from '../../../components/ui/ResourceTable';

export function DepartmentsPage() {
  const departments = useQuery(departmentListQueryOptions());
  const calendars = useQuery(calendarListQueryOptions());
  const calendarName = new Map((calendars.data ?? []).map((calendar) => [calendar.id, calendar.name]));
  const deleteDepartment = useDeleteDepartment();
  const dialog = useCrudDialog<Department>();

  return (
    <>
      <PageHeader
        title="Departments"
        description="City departments that file tickets. Life-safety departments get higher priority."
        actions={<Button onClick={dialog.create}>New department</Button>}
      />
      <ResourceTable
        label="Departments"
        query={departments}
        rows={departments.data ?? []}
        minWidth={720}
        empty="No departments yet."
        nameOf={(department) => department.name}
        onEdit={dialog.edit}
        deletion={{ noun: 'department', mutation: deleteDepartment, detailOf: (department) => department.code }}
        columns={[
          { header: 'Name', strong: true, cell: (department) => department.name },
          {
            header: 'Code',
            cell: (department) => (
              <Text span ff="monospace" size="sm">
                {department.code}
              </Text>
            ),
          },
          {
            header: 'Business hours',
            cell: (department) =>
              department.calendarId === null ? (
                <Dimmed size="sm">{DEFAULT_CALENDAR_LABEL}</Dimmed>
              ) : (
                (calendarName.get(department.calendarId) ?? <Dimmed size="sm" />)
              ),
          },
          {
            header: 'Life-safety',
            cell: (department) =>
              department.lifeSafety ? (
                <Badge color="red" variant="light">
                  Life-safety
                </Badge>
              ) : (
                <Dimmed size="sm">No</Dimmed>
              ),
          },
        ]}
      />
      <DepartmentFormModal opened={dialog.isOpen('form')} department={dialog.recordFor('form')} onClose={dialog.close} />
    </>
  );
}
