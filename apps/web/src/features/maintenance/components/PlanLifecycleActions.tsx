import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDeleteModal } from '../../../components/ui/ConfirmDeleteModal';
import { errorMessage } from '../../../lib/api/api-error';
import type { MaintenancePlan } from '../api/maintenance-types';
import { useDeletePlan, useSetPlanActive } from '../hooks/use-maintenance-mutations';
import { MAINTENANCE_PATHS } from '../maintenance-paths';

interface PauseResumeButtonProps {
  plan: MaintenancePlan;
  onChanged?: (saved: MaintenancePlan) => void;
  size?: 'xs' | 'compact-sm';
}

/** Pausing stops new tickets; resuming generates again from now on (what fell due while paused is skipped). */
export function PauseResumeButton({ plan, onChanged, size = 'xs' }: PauseResumeButtonProps) {
  const setActive = useSetPlanActive();
  const verb = plan.active ? 'Pause' : 'Resume';
  return (
    <Button
      size={size}
      variant="default"
      aria-label={`${verb} ${plan.name}`}
      loading={setActive.isPending}
      onClick={() =>
        setActive.mutate(
          { id: plan.id, active: !plan.active },
          {
            onSuccess: (saved) => {
              notifications.show({
                color: 'green',
                message: saved.active ? `${saved.name} generates tickets again.` : `${saved.name} is paused: no new tickets.`,
              });
              onChanged?.(saved);
            },
            onError: (error) =>
              notifications.show({
                color: 'red',
                title: `Could not ${verb.toLowerCase()} the plan`,
                message: errorMessage(error),
              }),
          },
        )
      }
    >
      {verb}
    </Button>
  );
}

/** Pause or resume, and delete (which the API refuses once the plan has made tickets). */
export function PlanLifecycleActions({
  plan,
  onChanged,
}: {
  plan: MaintenancePlan;
  onChanged: (saved: MaintenancePlan) => void;
}) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const deletion = useDeletePlan({ onDeleted: () => void navigate(MAINTENANCE_PATHS.plans, { replace: true }) });
  return (
    <>
      <PauseResumeButton plan={plan} onChanged={onChanged} />
      <Button size="xs" variant="default" color="red" onClick={() => setConfirming(true)}>
        Delete
      </Button>
      <ConfirmDeleteModal
        noun="maintenance plan"
        record={confirming ? plan : null}
        nameOf={(record) => record.name}
        mutation={deletion}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
