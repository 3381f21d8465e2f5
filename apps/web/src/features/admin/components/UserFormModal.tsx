import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { hasLength, isEmail, isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../../lib/api/api-error';
import type { Role, User } from '../../../lib/api/api-types';
import { fieldErrorsFrom } from '../../../lib/form-errors';
import { ROLES, roleLabel } from '../../../lib/roles';
import { departmentListQueryOptions } from '../api/admin.queries';
import { useCreateUser, useUpdateUser } from '../hooks/use-admin-mutations';

const MIN_PASSWORD_LENGTH = 12;

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: roleLabel(role) }));

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

interface UserFormValues {
  name: string;
  email: string;
  role: string;
  departmentId: string | null;
  active: boolean;
  password: string;
}

interface UserFormModalProps {
  /** The user to edit; null opens the form for a new user. */
  user: User | null;
  opened: boolean;
  onClose: () => void;
}

export function UserFormModal({ user, opened, onClose }: UserFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={user ? `Edit ${user.name}` : 'New user'} size="lg">
      {/* Keyed so that each opening starts from the record's current values. */}
      {opened ? <UserForm key={user?.id ?? 'new'} user={user} onDone={onClose} /> : null}
    </Modal>
  );
}

function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const isNew = user === null;
  const departments = useQuery(departmentListQueryOptions());
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UserFormValues>({
    initialValues: {
      name: user?.name ?? '',
      email: user?.email ?? '',
      role: user?.role ?? 'requester',
      departmentId: user?.departmentId ?? null,
      active: user?.active ?? true,
      password: '',
    },
    validate: {
      name: isNotEmpty('Enter the person’s name'),
      email: isEmail('Enter an email address'),
      role: (value) => (isRole(value) ? null : 'Choose a role'),
      password: (value) =>
        isNew ? hasLength({ min: MIN_PASSWORD_LENGTH }, `Use at least ${MIN_PASSWORD_LENGTH} characters`)(value) : null,
    },
  });

  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.code})` }));

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'email_taken') {
      form.setFieldError('email', error.message);
      return;
    }
    if (isApiError(error) && error.code === 'weak_password') {
      form.setFieldError('password', error.message);
      return;
    }
    form.setErrors(fieldErrorsFrom(error));
    setFormError(errorMessage(error));
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    if (!isRole(values.role)) return;
    const common = {
      name: values.name.trim(),
      email: values.email.trim(),
      role: values.role,
      departmentId: values.departmentId,
    };
    if (isNew) {
      createUser.mutate(
        { ...common, password: values.password },
        {
          onSuccess: (created) => {
            notifications.show({ color: 'green', message: `${created.name} can now sign in.` });
            onDone();
          },
          onError,
        },
      );
    } else {
      updateUser.mutate(
        { id: user.id, changes: { ...common, active: values.active } },
        {
          onSuccess: (updated) => {
            notifications.show({ color: 'green', message: `${updated.name} was saved.` });
            onDone();
          },
          onError,
        },
      );
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        {formError ? (
          <Alert color="red" variant="light" title="Could not save the user">
            {formError}
          </Alert>
        ) : null}
        <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
        <TextInput label="Email" type="email" required autoComplete="off" {...form.getInputProps('email')} />
        <Group grow align="flex-start">
          <Select label="Role" required data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
          <Select
            label="Department"
            placeholder={departments.isPending ? 'Loading departments…' : 'No department'}
            data={departmentOptions}
            clearable
            searchable
            nothingFoundMessage="No department matches"
            {...form.getInputProps('departmentId')}
          />
        </Group>
        {isNew ? (
          <PasswordInput
            label="Temporary password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters. The user must choose a new password at first sign-in.`}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
        ) : (
          <Switch
            label="Active"
            description="Inactive users cannot sign in; their sessions end at once."
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createUser.isPending || updateUser.isPending}>
            {isNew ? 'Create user' : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
