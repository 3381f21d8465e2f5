import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorMessage, isApiError } from '../../../lib/api/api-error';
import { fieldErrorsFrom } from '../../../lib/form-errors';
import { FullPageLoader } from '../../../components/ui/FullPageLoader';
import { useMe, useSignIn } from '../hooks/use-auth';

/** Where to go after signing in: only paths inside this app (no "//host" tricks). */
export function safeReturnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in')) {
    return from;
  }
  return '/';
}

export function SignInPage() {
  const me = useMe();
  const signIn = useSignIn();
  const location = useLocation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: isEmail('Enter your work email address'),
      password: isNotEmpty('Enter your password'),
    },
  });

  const returnTo = safeReturnPath(location.state);
  if (me.isPending) return <FullPageLoader />;
  // Signed in already, or just now: the cached user is set by useSignIn on success.
  if (me.data) return <Navigate to={returnTo} replace />;

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onError: (error) => {
          form.setErrors(fieldErrorsFrom(error));
          setFormError(errorMessage(error));
          if (isApiError(error) && error.code === 'invalid_credentials') form.setFieldValue('password', '');
        },
      },
    );
  });

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={400}>
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              CivicDesk
            </Title>
            <Text c="dimmed" size="sm">
              Sign in to the city IT helpdesk
            </Text>
          </div>
          {formError ? (
            <Alert color="red" variant="light" title="Could not sign in">
              {formError}
            </Alert>
          ) : null}
          <form onSubmit={handleSubmit} noValidate>
            <Stack gap="sm">
              <TextInput label="Email" type="email" autoComplete="username" required autoFocus {...form.getInputProps('email')} />
              <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
              <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
                Sign in
              </Button>
            </Stack>
          </form>
          <Text size="xs" c="dimmed">
            Forgot your password? Your IT administrator can set a temporary one.
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
