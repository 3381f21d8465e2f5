import { useMutation, useQueryClient } from '@tanstack/react-query';
import { referenceKeys } from '../../../lib/reference-data/reference-data.queries';
import { ticketKeys } from '../../../lib/tickets/tickets.queries';
import {
  adminKeys,
  createAsset,
  createCategory,
  createDepartment,
  createQueue,
  createUser,
  deleteAsset,
  deleteCategory,
  deleteDepartment,
  deleteQueue,
  importAssets,
  setQueueMembers,
  setTemporaryPassword,
  updateAsset,
  updateCategory,
  updateDepartment,
  updateQueue,
  updateUser,
} from '../api/admin.queries';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

export function useSetTemporaryPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setTemporaryPassword,
    // The list shows who still has to change their password.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDepartment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.departments() }),
  });
}

export function useUpdateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDepartment,
    // Users show their department's name, so a rename changes the users list too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export function useDeleteDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDepartment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.departments() }),
  });
}

/** Queue names and members show in the queue tabs and the ticket screens too. */
function useQueueChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: referenceKeys.queues() }),
      // Categories show their default queue's name; the queue view counts by queue.
      queryClient.invalidateQueries({ queryKey: referenceKeys.categories() }),
      queryClient.invalidateQueries({ queryKey: ticketKeys.counts() }),
    ]);
}

export function useCreateQueue() {
  return useMutation({ mutationFn: createQueue, onSuccess: useQueueChanged() });
}

export function useUpdateQueue() {
  return useMutation({ mutationFn: updateQueue, onSuccess: useQueueChanged() });
}

export function useSetQueueMembers() {
  return useMutation({ mutationFn: setQueueMembers, onSuccess: useQueueChanged() });
}

export function useDeleteQueue() {
  return useMutation({ mutationFn: deleteQueue, onSuccess: useQueueChanged() });
}

function useCategoryChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: referenceKeys.categories() });
}

export function useCreateCategory() {
  return useMutation({ mutationFn: createCategory, onSuccess: useCategoryChanged() });
}

export function useUpdateCategory() {
  return useMutation({ mutationFn: updateCategory, onSuccess: useCategoryChanged() });
}

export function useDeleteCategory() {
  return useMutation({ mutationFn: deleteCategory, onSuccess: useCategoryChanged() });
}

function useAssetChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: referenceKeys.assets() });
}

export function useCreateAsset() {
  return useMutation({ mutationFn: createAsset, onSuccess: useAssetChanged() });
}

export function useUpdateAsset() {
  return useMutation({ mutationFn: updateAsset, onSuccess: useAssetChanged() });
}

export function useDeleteAsset() {
  return useMutation({ mutationFn: deleteAsset, onSuccess: useAssetChanged() });
}

export function useImportAssets() {
  const assetChanged = useAssetChanged();
  return useMutation({
    mutationFn: importAssets,
    onSuccess: async (result) => {
      if (!result.dryRun) await assetChanged();
    },
  });
}
