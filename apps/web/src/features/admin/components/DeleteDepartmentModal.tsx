import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../../lib/api/api-error';
import type { Department } from '../../../lib/api/api-types';
import { useDeleteDepartment } from '../hooks/use-admin-mutations';

interface DeleteDepartmentModalProps {
  department: Department | null;
  onClose: () => void;
}

export function DeleteDepartmentModal({ department, onClose }: DeleteDepartmentModalProps) {
  const deleteDepartment = useDeleteDepartment();
  const close = () => {
    deleteDepartment.reset();
    onClose();
  };
  const error = deleteDepartment.error;

  return (
    <Modal opened={department !== null} onClose={close} title="Delete department">
      {department ? (
        <Stack gap="sm">
          <Text size="sm">
            Delete <strong>{department.name}</strong> ({department.code})? This cannot be undone.
          </Text>
          {error ? (
            <Alert color="red" variant="light" title="Could not delete the department">
              {errorMessage(error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={deleteDepartment.isPending}
              onClick={() =>
                deleteDepartment.mutate(department.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: `${department.name} was deleted.` });
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
