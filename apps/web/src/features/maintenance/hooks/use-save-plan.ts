import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { isApiError } from '../../../lib/api/api-error';
import { useFormFailure } from '../../../lib/forms/use-form-failure';
import type { MaintenancePlan } from '../api/maintenance-types';
import { planInput, type PlanValues } from '../components/plan-form';
import { useCreatePlan, useUpdatePlan } from './use-maintenance-mutations';

interface SavePlanOptions {
  /** The plan being edited and the version the form was read at; null creates one. */
  saved: { id: string; version: number } | null;
  form: Pick<UseFormReturnType<PlanValues>, 'setErrors'>;
  onSaved: (plan: MaintenancePlan, created: boolean) => void;
}

/**
 * Creates the plan, or saves it with the version it was read at so that a concurrent change is
 * refused (409) instead of overwritten. Field errors go on their fields.
 */
export function useSavePlan({ saved, form, onSaved }: SavePlanOptions) {
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const failure = useFormFailure(form);
  // Someone saved the plan after it was read: only a reload helps.
  const [conflict, setConflict] = useState(false);

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'version_conflict') setConflict(true);
    else failure.onError(error);
  };

  const save = (values: PlanValues) => {
    failure.clear();
    setConflict(false);
    const input = planInput(values);
    if (!saved) {
      create.mutate(input, { onSuccess: (plan) => onSaved(plan, true), onError });
      return;
    }
    // Pausing and resuming have their own buttons; a save leaves that switch as it is.
    const { active: _active, ...changes } = input;
    update.mutate(
      { id: saved.id, changes: { ...changes, version: saved.version } },
      { onSuccess: (plan) => onSaved(plan, false), onError },
    );
  };

  return {
    save,
    saving: create.isPending || update.isPending,
    /** Why the last save failed, for above the form; null when it did not (or on a conflict). */
    error: failure.error,
    conflict,
  };
}
