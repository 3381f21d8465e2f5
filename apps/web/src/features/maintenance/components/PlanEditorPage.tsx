import { Alert, Button, Grid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { DialogForm } from '../../../components/ui/DialogForm';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageLoader } from '../../../components/ui/FullPageLoader';
import { PageHeader } from '../../../components/ui/PageHeader';
import { countOf } from '../../../lib/text/count-of';
import { planQueryOptions } from '../api/maintenance.queries';
import type { MaintenancePlan } from '../api/maintenance-types';
import { useDraftPreview } from '../hooks/use-draft-preview';
import { useSavePlan } from '../hooks/use-save-plan';
import { MAINTENANCE_PATHS, planPath } from '../maintenance-paths';
import { scheduleWords } from './maintenance-words';
import { planErrors, planValues, previewInput, scheduleOf, type PlanField, type PlanValues } from './plan-form';
import { PlanFields } from './PlanFields';
import { PlanLifecycleActions } from './PlanLifecycleActions';
import { PlanStatusBadge } from './PlanStatusBadge';
import { SchedulePreview } from './SchedulePreview';

/** `/maintenance/plans/new` and `/maintenance/plans/:id`. */
export function PlanEditorPage() {
  const { id } = useParams<{ id: string }>();
  return id ? <SavedPlan id={id} /> : <PlanEditor plan={null} onReload={() => undefined} />;
}

function SavedPlan({ id }: { id: string }) {
  const plan = useQuery(planQueryOptions(id));
  // Each reload starts the form afresh from the plan as it now is.
  const [loads, setLoads] = useState(0);
  if (plan.isPending) return <FullPageLoader label="Loading the plan" />;
  if (plan.isError) {
    return (
      <>
        <PageHeader title="Maintenance plan" />
        <ErrorAlert title="Could not load the plan" error={plan.error} onRetry={() => void plan.refetch()} />
      </>
    );
  }
  const reload = async () => {
    await plan.refetch();
    setLoads((n) => n + 1);
  };
  return <PlanEditor key={loads} plan={plan.data} onReload={() => void reload()} />;
}

interface PlanEditorProps {
  /** The plan as it is now (it changes when paused or resumed); null for a new one. */
  plan: MaintenancePlan | null;
  onReload: () => void;
}

function PlanEditor({ plan, onReload }: PlanEditorProps) {
  const navigate = useNavigate();
  // The form edits the plan as it was when opened, and saves against that version.
  const [opened] = useState(() => ({ values: planValues(plan, new Date()), version: plan?.version ?? 0 }));
  const [version, setVersion] = useState(opened.version);
  // Typing in a field re-renders nothing but the field (an uncontrolled form); the page re-renders
  // when the schedule changes, for the preview and the fields that depend on it.
  const [schedule, setSchedule] = useState(() => scheduleOf(opened.values));
  const form = useForm<PlanValues>({
    mode: 'uncontrolled',
    initialValues: opened.values,
    validate: planErrors,
    onValuesChange: (values) => {
      const next = scheduleOf(values);
      setSchedule((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    },
  });
  const { preview, outdated, fieldErrors } = useDraftPreview(previewInput(schedule));
  const field: PlanField = (path) => {
    const props = form.getInputProps(path);
    return { ...props, error: (props.error as string | undefined) ?? fieldErrors[path] };
  };
  const save = useSavePlan({
    saved: plan ? { id: plan.id, version } : null,
    form,
    onSaved: (saved, created) => {
      notifications.show({ color: 'green', message: created ? `${saved.name} was created.` : `${saved.name} was saved.` });
      if (created) {
        void navigate(planPath(saved.id), { replace: true });
        return;
      }
      setVersion(saved.version);
      form.resetDirty();
    },
  });
  // Pausing or resuming bumps the version; take it on only when nobody else changed the plan meanwhile.
  const onLifecycle = (saved: MaintenancePlan) => {
    if (saved.version === version + 1) setVersion(saved.version);
  };

  return (
    <>
      <PageHeader
        title={plan ? plan.name : 'New maintenance plan'}
        description={
          plan ? `${scheduleWords(plan)} · ${countOf(plan.generated, 'ticket', 'tickets')} generated so far` : undefined
        }
        actions={
          plan ? (
            <>
              <PlanStatusBadge active={plan.active} />
              <PlanLifecycleActions plan={plan} onChanged={onLifecycle} />
            </>
          ) : null
        }
      />
      <DialogForm
        onSubmit={form.onSubmit(save.save)}
        intro={save.conflict ? <ConflictAlert onReload={onReload} /> : null}
        error={save.error}
        errorTitle="Could not save the plan"
        submitLabel={plan ? 'Save changes' : 'Create plan'}
        submitting={save.saving}
        onCancel={() => void navigate(MAINTENANCE_PATHS.plans)}
      >
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <PlanFields form={form} field={field} schedule={schedule} isNew={!plan} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack pos="sticky" top={72}>
              <SchedulePreview preview={preview} outdated={outdated} />
            </Stack>
          </Grid.Col>
        </Grid>
      </DialogForm>
    </>
  );
}

function ConflictAlert({ onReload }: { onReload: () => void }) {
  return (
    <Alert color="orange" variant="light" title="Someone else changed this plan">
      <Stack gap="xs" align="flex-start">
        It was saved by someone else after you opened it, so your changes were not saved. Reload it to see theirs, then make your
        changes again.
        <Button size="xs" variant="default" onClick={onReload}>
          Reload the plan
        </Button>
      </Stack>
    </Alert>
  );
}
