import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '../../lib/api/api-error';

interface ConfirmDeleteModalProps<T extends { id: string }> {
  /** What kind of record, for the title and the error ("Delete department"). */
  noun: string;
  /** The record to delete; null keeps the dialog closed. */
  record: T | null;
  /** The record by name, in the question and the notification. */
  nameOf: (record: T) => string;
  /** Said in brackets after the name, e.g. a department's code. */
  detailOf?: (record: T) => string;
  mutation: UseMutationResult<void, Error, string>;
  onClose: () => void;
}

/** "Delete X? This cannot be undone." with the API's reason when it refuses (for example: still in use). */
export function ConfirmDeleteModal<T extends { id: string }>({
  noun,
  record,
  nameOf,
  detailOf,
  mutation,
  onClose,
}: ConfirmDeleteModalProps<T>) {
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <Modal opened={record !== null} onClose={close} title={`Delete ${noun}`}>
      {record ? (
        <Stack gap="sm">
          <Text size="sm">
            Delete <strong>{nameOf(record)}</strong>
            {detailOf ? ` (${detailOf(record)})` : ''}? This cannot be undone.
          </Text>
          {mutation.error ? (
            <Alert color="red" variant="light" title={`Could not delete the ${noun}`}>
              {errorMessage(mutation.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={mutation.isPending}
              onClick={() =>
                mutation.mutate(record.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: `${nameOf(record)} was deleted.` });
                    close();
                  },
                })
              }
            >
              Delete
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
