import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/api/api-error';

interface ConfirmDeleteModalProps {
  title: string;
  /** What is being deleted, by name; null keeps the dialog closed. */
  name: string | null;
  id: string | null;
  mutation: UseMutationResult<void, Error, string>;
  onClose: () => void;
}

/** "Delete X? This cannot be undone." with the API's reason when it refuses (for example: still in use). */
export function ConfirmDeleteModal({ title, name, id, mutation, onClose }: ConfirmDeleteModalProps) {
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <Modal opened={id !== null} onClose={close} title={title}>
      <Stack gap="sm">
        <Text size="sm">
          Delete <strong>{name}</strong>? This cannot be undone.
        </Text>
        {mutation.error ? (
          <Alert color="red" variant="light" title="Could not delete">
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
            onClick={() => {
              if (!id) return;
              mutation.mutate(id, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: `${name} was deleted.` });
                  close();
                },
              });
            }}
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
