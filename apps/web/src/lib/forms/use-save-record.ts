import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useFormFailure } from './use-form-failure';

interface SaveRecordOptions<TSaved, TCreate, TUpdate> {
  /** The record being edited; null when the form creates one. */
  record: { id: string } | null;
  createMutation: UseMutationResult<TSaved, Error, TCreate>;
  /** Left out for records that are never edited, only added. */
  updateMutation?: UseMutationResult<TSaved, Error, { id: string; changes: TUpdate }>;
  form: Pick<UseFormReturnType<Record<string, unknown>>, 'setErrors'>;
  /** API error codes about one field, shown on that field rather than above the form (email_taken → email). */
  fieldCodes?: Readonly<Record<string, string>>;
  /** The notification once saved: "Finance was saved." */
  savedMessage: (saved: TSaved, created: boolean) => string;
  onDone: () => void;
}

/**
 * Saving a record’s form: create or update, the API's field errors on their fields and any other
 * failure above the form, a notification and closing once saved.
 */
export function useSaveRecord<TSaved, TCreate, TUpdate>({
  record,
  createMutation,
  updateMutation,
  form,
  fieldCodes = {},
  savedMessage,
  onDone,
}: SaveRecordOptions<TSaved, TCreate, TUpdate>) {
  const failure = useFormFailure(form, fieldCodes);
  const handlers = (created: boolean) => ({
    onSuccess: (saved: TSaved) => {
      notifications.show({ color: 'green', message: savedMessage(saved, created) });
      onDone();
    },
    onError: failure.onError,
  });

  const create = (input: TCreate) => {
    failure.clear();
    createMutation.mutate(input, handlers(true));
  };
  const update = (changes: TUpdate) => {
    if (!record || !updateMutation) return;
    failure.clear();
    updateMutation.mutate({ id: record.id, changes }, handlers(false));
  };

  return {
    /** Why the last save failed (for DialogForm); null when it did not. */
    error: failure.error,
    saving: createMutation.isPending || (updateMutation?.isPending ?? false),
    create,
    update,
    /** Creates, or updates the record being edited, with the same input. */
    save: (input: TCreate & TUpdate) => (record ? update(input) : create(input)),
  };
}
