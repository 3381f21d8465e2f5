import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  createFeed,
  createPlan,
  deletePlan,
  maintenanceKeys,
  revokeFeed,
  setPlanActive,
  updatePlan,
} from '../api/maintenance.queries';
import type { MaintenancePlan } from '../api/maintenance-types';

/** What shows plans besides their own page: the list, the next dates, the calendar's projected work. */
function refreshPlanViews(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: maintenanceKeys.planList() }),
    queryClient.invalidateQueries({ queryKey: maintenanceKeys.planPreviews() }),
    queryClient.invalidateQueries({ queryKey: maintenanceKeys.calendars() }),
  ]);
}

/** The API answers the saved plan: its page shows it at once, without a refetch. */
function usePlanSaved() {
  const queryClient = useQueryClient();
  return (saved: MaintenancePlan) => {
    queryClient.setQueryData(maintenanceKeys.plan(saved.id), saved);
    return refreshPlanViews(queryClient);
  };
}

export function useCreatePlan() {
  return useMutation({ mutationFn: createPlan, onSuccess: usePlanSaved() });
}

export function useUpdatePlan() {
  return useMutation({ mutationFn: updatePlan, onSuccess: usePlanSaved() });
}

export function useSetPlanActive() {
  return useMutation({ mutationFn: setPlanActive, onSuccess: usePlanSaved() });
}

/** The deleted plan's own query is dropped, not refetched: the page showing it leaves (`onDeleted`). */
export function useDeletePlan({ onDeleted }: { onDeleted: () => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePlan,
    onSuccess: (_, id) => {
      onDeleted();
      queryClient.removeQueries({ queryKey: maintenanceKeys.plan(id) });
      return refreshPlanViews(queryClient);
    },
  });
}

function useFeedsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: maintenanceKeys.feeds() });
}

export function useCreateFeed() {
  return useMutation({ mutationFn: createFeed, onSuccess: useFeedsChanged() });
}

export function useRevokeFeed() {
  return useMutation({ mutationFn: revokeFeed, onSuccess: useFeedsChanged() });
}
