import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '../api/admin.queries';
import {
  createSlaPolicy,
  deleteSlaPolicy,
  reorderSlaPolicies,
  setSlaPolicyActive,
  updateSlaPolicy,
} from '../api/sla-policies.queries';

function useSlaPolicyChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.slaPolicies() });
}

export function useCreateSlaPolicy() {
  return useMutation({ mutationFn: createSlaPolicy, onSuccess: useSlaPolicyChanged() });
}

export function useUpdateSlaPolicy() {
  return useMutation({ mutationFn: updateSlaPolicy, onSuccess: useSlaPolicyChanged() });
}

export function useSetSlaPolicyActive() {
  return useMutation({ mutationFn: setSlaPolicyActive, onSuccess: useSlaPolicyChanged() });
}

export function useDeleteSlaPolicy() {
  return useMutation({ mutationFn: deleteSlaPolicy, onSuccess: useSlaPolicyChanged() });
}

/** The API answers the new order; show it at once, without waiting for a refetch. */
export function useReorderSlaPolicies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reorderSlaPolicies,
    onSuccess: (policies) => queryClient.setQueryData(adminKeys.slaPolicyList(), policies),
  });
}
