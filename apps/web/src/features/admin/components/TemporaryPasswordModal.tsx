import { Button, PasswordInput, Text } from '@mantine/core';
import { hasLength, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import { errorMessage, isApiError } from '../../../lib/api/api-error';
import type { User } from '../../../lib/api/api-types';
import { useSetTemporaryPassword } from '../hooks/use-admin-mutations';

const MIN_PASSWORD_LENGTH = 12;
// No look-alike characters (0/O, 1/l/I), so it can be read out over the phone.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password from the browser's secure random source, without modulo bias. */
export function generateTemporaryPassword(length = 16): string {
  const limit = 256 - (256 % ALPHABET.length);
  let password = '';
  while (password.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length) password += ALPHABET.charAt(byte % ALPHABET.length);
    }
  }
  return password;
}

interface TemporaryPasswordModalProps {
  user: User | null;
  onClose: () => void;
}

export function TemporaryPasswordModal({ user, onClose }: TemporaryPasswordModalProps) {
  return (
    <FormModal opened={user !== null} onClose={onClose} title="Set a temporary password">
      {user ? <TemporaryPasswordForm key={user.id} user={user} onDone={onClose} /> : null}
    </FormModal>
  );
}

function TemporaryPasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const setPassword = useSetTemporaryPassword();
  const [visible, setVisible] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: hasLength({ min: MIN_PASSWORD_LENGTH }, `Use at least ${MIN_PASSWORD_LENGTH} characters`) },
  });

  const handleSubmit = form.onSubmit(({ password }) => {
    setFormError(null);
    setPassword.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: `${user.name} must choose a new password at next sign-in.`,
          });
          onDone();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'weak_password') {
            form.setFieldError('password', error.message);
            return;
          }
          setFormError(errorMessage(error));
        },
      },
    );
  });

  return (
    <DialogForm
      onSubmit={handleSubmit}
      intro={
        <Text size="sm">
          {user.name} ({user.email}) will sign in with this password once, then choose their own.
        </Text>
      }
      error={formError}
      errorTitle="Could not set the password"
      submitLabel="Set password"
      submitting={setPassword.isPending}
      onCancel={onDone}
      extraAction={
        <Button
          variant="subtle"
          onClick={() => {
            form.setFieldValue('password', generateTemporaryPassword());
            setVisible(true);
          }}
        >
          Generate
        </Button>
      }
    >
      <PasswordInput
        label="Temporary password"
        required
        autoComplete="new-password"
        visible={visible}
        onVisibilityChange={setVisible}
        {...form.getInputProps('password')}
      />
    </DialogForm>
  );
}
