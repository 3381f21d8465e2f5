import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '../api/admin.queries';
import { createRate, deleteRate } from '../api/rates.queries';

/** Which rate is current or future depends on the others, so the whole list is read again. */
function useRatesChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.rates() });
}

export function useCreateRate() {
  return useMutation({ mutationFn: createRate, onSuccess: useRatesChanged() });
}

export function useDeleteRate() {
  return useMutation({ mutationFn: deleteRate, onSuccess: useRatesChanged() });
}
