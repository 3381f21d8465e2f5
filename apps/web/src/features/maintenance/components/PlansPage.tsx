import { Anchor, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DataTable, Dimmed } from '../../../components/ui/DataTable';
import { PageHeader } from '../../../components/ui/PageHeader';
import { queueListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { useCurrentUser } from '../../../lib/session/current-user';
import { planListQueryOptions, planPreviewQueryOptions } from '../api/maintenance.queries';
import type { MaintenancePlan } from '../api/maintenance-types';
import { canEditPlans, MAINTENANCE_PATHS, planPath } from '../maintenance-paths';
import { modeLabel, scheduleWords } from './maintenance-words';
import { PauseResumeButton } from './PlanLifecycleActions';
import { PlanStatusBadge } from './PlanStatusBadge';
import { staffNames } from './queue-staff';

/** `/maintenance/plans`: every plan, when it next falls due, and whether it is generating tickets. */
export function PlansPage() {
  const me = useCurrentUser();
  const plans = useQuery(planListQueryOptions());
  const queues = useQuery(queueListQueryOptions());
  const queueNames = new Map((queues.data ?? []).map((queue) => [queue.id, queue.name]));
  const people = staffNames(queues.data ?? []);
  const editor = canEditPlans(me.role);

  return (
    <>
      <PageHeader
        title="Maintenance plans"
        description="Recurring preventive work: each plan makes maintenance tickets ahead of their due dates."
        actions={
          <>
            <Button component={Link} to={MAINTENANCE_PATHS.calendar} variant="default">
              Calendar
            </Button>
            {editor ? (
              <Button component={Link} to={MAINTENANCE_PATHS.newPlan}>
                New plan
              </Button>
            ) : null}
          </>
        }
      />
      <DataTable
        label="Maintenance plans"
        query={plans}
        rows={plans.data ?? []}
        rowKey={(plan) => plan.id}
        errorTitle="Could not load the plans"
        loadingLabel="Loading the plans"
        empty="No maintenance plans yet."
        minWidth={1100}
        columns={[
          {
            header: 'Name',
            strong: true,
            cell: (plan) =>
              editor ? (
                <Anchor component={Link} to={planPath(plan.id)} size="sm" fw={500}>
                  {plan.name}
                </Anchor>
              ) : (
                plan.name
              ),
          },
          { header: 'Schedule', cell: scheduleWords },
          { header: 'Mode', nowrap: true, cell: (plan) => modeLabel(plan.mode) },
          { header: 'Queue', cell: (plan) => queueNames.get(plan.queueId) ?? <Dimmed size="sm" /> },
          {
            header: 'Assignee',
            cell: (plan) =>
              plan.assigneeId ? (people.get(plan.assigneeId) ?? 'Someone outside the queues') : <Dimmed size="sm">Nobody</Dimmed>,
          },
          { header: 'Next due', nowrap: true, cell: (plan) => <NextDue plan={plan} /> },
          { header: 'Status', cell: (plan) => <PlanStatusBadge active={plan.active} /> },
          { header: 'Generated', nowrap: true, cell: (plan) => plan.generated },
        ]}
        actions={editor ? (plan) => <PauseResumeButton plan={plan} size="compact-sm" /> : undefined}
      />
    </>
  );
}

/** The plan's next due date, asked for per row (a paused plan has none). */
function NextDue({ plan }: { plan: MaintenancePlan }) {
  const preview = useQuery({ ...planPreviewQueryOptions(plan.id, 1), enabled: plan.active });
  if (!plan.active) return <Dimmed size="sm">Paused</Dimmed>;
  if (preview.isError) return <Dimmed size="sm">Unknown</Dimmed>;
  if (!preview.data) return <Dimmed size="sm">…</Dimmed>;
  return preview.data.occurrences[0]?.dueText ?? <Dimmed size="sm">None ahead</Dimmed>;
}
