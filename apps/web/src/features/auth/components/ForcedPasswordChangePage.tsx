import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Me } from '../../../lib/api/api-types';
import { useSignOut } from '../hooks/use-auth';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Shown instead of the app while the account still has a temporary password. */
export function ForcedPasswordChangePage({ me }: { me: Me }) {
  const signOut = useSignOut();
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={440}>
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              Choose a new password
            </Title>
            <Text c="dimmed" size="sm">
              {me.name}, your account has a temporary password. Choose your own password to continue.
            </Text>
          </div>
          <ChangePasswordForm
            submitLabel="Save and continue"
            onChanged={() => notifications.show({ color: 'green', message: 'Your password was changed.' })}
          />
          <Button variant="subtle" size="xs" onClick={() => signOut.mutate()} loading={signOut.isPending}>
            Sign out
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
