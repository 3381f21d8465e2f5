import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { hasLength, isNotEmpty, matchesField, useForm } from '@mantine/form';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../../lib/api/api-error';
import { fieldErrorsFrom } from '../../../lib/form-errors';
import { useChangePassword } from '../hooks/use-auth';

/** The API enforces the real policy (length, common passwords); this only catches the obvious. */
const MIN_PASSWORD_LENGTH = 12;

interface ChangePasswordFormProps {
  onChanged: () => void;
  onCancel?: () => void;
  submitLabel?: string;
}

export function ChangePasswordForm({ onChanged, onCancel, submitLabel = 'Change password' }: ChangePasswordFormProps) {
  const changePassword = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: isNotEmpty('Enter your current password'),
      newPassword: hasLength({ min: MIN_PASSWORD_LENGTH }, `Use at least ${MIN_PASSWORD_LENGTH} characters`),
      confirmPassword: matchesField('newPassword', 'The passwords do not match'),
    },
  });

  const handleSubmit = form.onSubmit(({ currentPassword, newPassword }) => {
    setFormError(null);
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          onChanged();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'invalid_credentials') {
            form.setFieldError('currentPassword', 'Your current password is not correct');
            return;
          }
          if (isApiError(error) && error.code === 'weak_password') {
            form.setFieldError('newPassword', error.message);
            return;
          }
          const fieldErrors = fieldErrorsFrom(error);
          if (Object.keys(fieldErrors).length > 0) form.setErrors(fieldErrors);
          setFormError(errorMessage(error));
        },
      },
    );
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        {formError ? (
          <Alert color="red" variant="light" title="Could not change the password">
            {formError}
          </Alert>
        ) : null}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label="New password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters. A passphrase of a few unrelated words works well.`}
          autoComplete="new-password"
          required
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmPassword')}
        />
        <Group justify="flex-end" mt="xs">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" loading={changePassword.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
