import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ChangePasswordForm } from './ChangePasswordForm';

interface ChangePasswordModalProps {
  opened: boolean;
  onClose: () => void;
}

export function ChangePasswordModal({ opened, onClose }: ChangePasswordModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Change password">
      <ChangePasswordForm
        onCancel={onClose}
        onChanged={() => {
          notifications.show({ color: 'green', message: 'Your password was changed.' });
          onClose();
        }}
      />
    </Modal>
  );
}
