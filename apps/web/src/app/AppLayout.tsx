import { AppShell, Avatar, Badge, Burger, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../components/ui/FullPageLoader';
import { ChangePasswordModal } from '../features/auth/components/ChangePasswordModal';
import { useSignOut } from '../features/auth/hooks/use-auth';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { useCurrentUser } from '../lib/session/current-user';
import { roleLabel } from '../lib/roles';
import { navigationFor } from './navigation';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

export function AppLayout() {
  const me = useCurrentUser();
  const location = useLocation();
  const [navOpened, nav] = useDisclosure(false);
  const sections = navigationFor(me.role);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text component={Link} to="/" fw={700} size="lg" c="blue.8" td="none">
              CivicDesk
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          {sections.map((section) => (
            <div key={section.label ?? 'main'}>
              {section.label ? (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                  {section.label}
                </Text>
              ) : null}
              {section.items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  // Only the link's own page: a ticket opened from My tickets (or from the queue) is
                  // neither list, so no link claims it.
                  active={location.pathname === item.to}
                  onClick={nav.close}
                />
              ))}
            </div>
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function UserMenu() {
  const me = useCurrentUser();
  const signOut = useSignOut();
  const [passwordOpened, passwordModal] = useDisclosure(false);

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md">
        <Menu.Target>
          <UnstyledButton aria-label={`Account menu for ${me.name}`}>
            <Group gap="xs" wrap="nowrap">
              <Avatar radius="xl" size="sm" color="blue">
                {initials(me.name)}
              </Avatar>
              <div>
                <Text size="sm" fw={500} lh={1.2}>
                  {me.name}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {roleLabel(me.role)}
                  {me.departmentName ? ` · ${me.departmentName}` : ''}
                </Text>
              </div>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="xs" truncate>
              {me.email}
            </Text>
            <Badge size="xs" variant="light" mt={4}>
              {roleLabel(me.role)}
            </Badge>
          </Menu.Label>
          <Menu.Item onClick={passwordModal.open}>Change password</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => signOut.mutate()}>
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </>
  );
}
