import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminKeys } from '../api/admin.queries';
import { updateSettings } from '../api/settings.queries';

/** The API answers the settings as saved; show them at once. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => queryClient.setQueryData(adminKeys.settings(), settings),
  });
}
