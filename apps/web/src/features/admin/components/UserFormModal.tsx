import { Group, PasswordInput, Select, Switch, TextInput } from '@mantine/core';
import { hasLength, isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import type { Role, User } from '../../../lib/api/api-types';
import { ROLES, roleLabel } from '../../../lib/roles';
import { departmentListQueryOptions } from '../api/admin.queries';
import { useCreateUser, useUpdateUser } from '../hooks/use-admin-mutations';
import { useSaveRecord } from '../../../lib/forms/use-save-record';

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
    <FormModal opened={opened} onClose={onClose} title={user ? `Edit ${user.name}` : 'New user'} size="lg">
      <UserForm key={user?.id ?? 'new'} user={user} onDone={onClose} />
    </FormModal>
  );
}

function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const isNew = user === null;
  const departments = useQuery(departmentListQueryOptions());
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
  const save = useSaveRecord({
    record: user,
    createMutation: useCreateUser(),
    updateMutation: useUpdateUser(),
    form,
    fieldCodes: { email_taken: 'email', weak_password: 'password' },
    savedMessage: (saved, created) => (created ? `${saved.name} can now sign in.` : `${saved.name} was saved.`),
    onDone,
  });

  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.code})` }));

  const handleSubmit = form.onSubmit((values) => {
    if (!isRole(values.role)) return;
    const common = {
      name: values.name.trim(),
      email: values.email.trim(),
      role: values.role,
      departmentId: values.departmentId,
    };
    if (isNew) save.create({ ...common, password: values.password });
    else save.update({ ...common, active: values.active });
  });

  return (
    <DialogForm
      onSubmit={handleSubmit}
      error={save.error}
      errorTitle="Could not save the user"
      submitLabel={isNew ? 'Create user' : 'Save'}
      submitting={save.saving}
      onCancel={onDone}
    >
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
    </DialogForm>
  );
}
