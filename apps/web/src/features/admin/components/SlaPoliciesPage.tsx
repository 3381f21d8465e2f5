import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { Dimmed, RowAction } from '../../../components/ui/DataTable';
import { PageHeader } from '../../../components/ui/PageHeader';
import { errorMessage } from '../../../lib/api/api-error';
import type { SlaPolicy } from '../../../lib/api/api-types';
import { categoryListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { departmentListQueryOptions } from '../api/admin.queries';
import { calendarListQueryOptions } from '../api/calendars.queries';
import { slaPolicyListQueryOptions } from '../api/sla-policies.queries';
import { useCrudDialog } from '../../../lib/forms/use-crud-dialog';
import { useDeleteSlaPolicy, useReorderSlaPolicies, useSetSlaPolicyActive } from '../hooks/use-sla-policy-mutations';
import { ActiveBadge } from './AdminBadges';
import { ResourceTable } from '../../../components/ui/ResourceTable';
import { SlaPolicyFormModal } from './SlaPolicyFormModal';
import { describeConditions, formatBusinessMinutes, type ConditionNames } from './sla-policy-words';

const byName = <T extends { id: string; name: string }>(records: readonly T[] | undefined) =>
  new Map((records ?? []).map((record) => [record.id, record.name]));

export function SlaPoliciesPage() {
  const policies = useQuery(slaPolicyListQueryOptions());
  const departments = useQuery(departmentListQueryOptions());
  const categories = useQuery(categoryListQueryOptions({ includeInactive: true }));
  const calendars = useQuery(calendarListQueryOptions());
  const deletePolicy = useDeleteSlaPolicy();
  const reorder = useReorderSlaPolicies();
  const dialog = useCrudDialog<SlaPolicy>();
  const names: ConditionNames = { departments: byName(departments.data), categories: byName(categories.data) };
  const calendarNames = byName(calendars.data);
  const rows = policies.data ?? [];

  return (
    <>
      <PageHeader
        title="SLA policies"
        description="Targets in business minutes. A ticket gets the first active policy, from the top, whose conditions it matches."
        actions={<Button onClick={dialog.create}>New SLA policy</Button>}
      />
      <ResourceTable
        label="SLA policies"
        query={policies}
        rows={rows}
        minWidth={1180}
        empty="No SLA policies yet: tickets have no due times."
        nameOf={(policy) => policy.name}
        onEdit={dialog.edit}
        deletion={{ noun: 'SLA policy', mutation: deletePolicy }}
        moreActions={(policy) => {
          const index = rows.indexOf(policy);
          return (
            <PolicyActions
              policy={policy}
              first={index === 0}
              last={index === rows.length - 1}
              onMove={(by) => reorder.mutate(movedOrder(rows, index, by), { onError: showFailure })}
              moving={reorder.isPending}
            />
          );
        }}
        columns={[
          { header: 'Order', nowrap: true, cell: (policy) => policy.position },
          { header: 'Name', strong: true, cell: (policy) => policy.name },
          { header: 'Applies to', cell: (policy) => describeConditions(policy, names) },
          { header: 'Targets', cell: (policy) => <PolicyTargets policy={policy} /> },
          {
            header: 'Calendar',
            cell: (policy) =>
              policy.calendarId ? (
                (calendarNames.get(policy.calendarId) ?? <Dimmed size="sm">Unknown</Dimmed>)
              ) : (
                <Dimmed size="sm">Department’s calendar</Dimmed>
              ),
          },
          { header: 'Status', cell: (policy) => <ActiveBadge active={policy.active} /> },
          { header: 'Version', nowrap: true, cell: (policy) => `v${policy.version}` },
        ]}
      />
      <SlaPolicyFormModal opened={dialog.isOpen('form')} policy={dialog.recordFor('form')} onClose={dialog.close} />
    </>
  );
}

function PolicyTargets({ policy }: { policy: SlaPolicy }) {
  const targets = [
    ['First response', policy.firstResponseMinutes],
    ['Resolution', policy.resolutionMinutes],
    ['Next response', policy.nextResponseMinutes],
  ] as const;
  return (
    <Stack gap={0}>
      {targets.map(([label, minutes]) =>
        minutes === null ? null : (
          <Text key={label} size="sm">
            {label}: {formatBusinessMinutes(minutes)}
          </Text>
        ),
      )}
    </Stack>
  );
}

function showFailure(error: unknown) {
  notifications.show({ color: 'red', title: 'Could not change the policy', message: errorMessage(error) });
}

/** The matching order with one policy moved a place up (-1) or down (+1); the API takes every id. */
function movedOrder(policies: readonly SlaPolicy[], index: number, by: -1 | 1): string[] {
  const ids = policies.map((policy) => policy.id);
  const [moved] = ids.splice(index, 1);
  if (moved !== undefined) ids.splice(index + by, 0, moved);
  return ids;
}

interface PolicyActionsProps {
  policy: SlaPolicy;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  /** A new order is being saved: one move at a time. */
  moving: boolean;
}

/** Move up, move down and switching the policy on or off. */
function PolicyActions({ policy, first, last, onMove, moving }: PolicyActionsProps) {
  const setActive = useSetSlaPolicyActive();
  const toggle = () =>
    setActive.mutate(
      { id: policy.id, active: !policy.active },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: saved.active ? `${saved.name} is active.` : `${saved.name} is inactive: new tickets skip it.`,
          }),
        onError: showFailure,
      },
    );

  return (
    <>
      <RowAction label={`Move ${policy.name} up`} disabled={first || moving} onClick={() => onMove(-1)}>
        Move up
      </RowAction>
      <RowAction label={`Move ${policy.name} down`} disabled={last || moving} onClick={() => onMove(1)}>
        Move down
      </RowAction>
      <RowAction
        label={`${policy.active ? 'Deactivate' : 'Activate'} ${policy.name}`}
        disabled={setActive.isPending}
        onClick={toggle}
      >
        {policy.active ? 'Deactivate' : 'Activate'}
      </RowAction>
    </>
  );
}
