import { Badge, Button, Group, Loader, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import type { AppNotification } from '../../../lib/api/api-types';
import { formatDateTime } from '../../../lib/time/format-date';
import { latestNotificationsQueryOptions } from '../api/notifications.queries';
import { useMarkAllNotificationsRead, useMarkNotificationRead } from '../hooks/use-notification-mutations';
import { appPathOf, notificationTypeLabel } from './notification-words';

interface NotificationListProps {
  headingId: string;
  unreadCount: number;
  onClose: () => void;
}

/** The newest notifications; one clicked is marked read and its ticket opened. */
export function NotificationList({ headingId, unreadCount, onClose }: NotificationListProps) {
  const navigate = useNavigate();
  // Fetched afresh on every opening: the count may have told of new ones since.
  const latest = useQuery({ ...latestNotificationsQueryOptions(), refetchOnMount: 'always' });
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();

  const open = (notification: AppNotification) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    const path = appPathOf(notification.link);
    onClose();
    if (path) void navigate(path);
  };

  return (
    <>
      <Group justify="space-between" px="md" py="xs" wrap="nowrap">
        <Title order={2} size="h5" id={headingId}>
          Notifications
        </Title>
        <Button
          size="compact-sm"
          variant="subtle"
          disabled={unreadCount === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          Mark all read
        </Button>
      </Group>
      {latest.isPending ? (
        <Group justify="center" p="md">
          <Loader size="sm" aria-label="Loading notifications" />
        </Group>
      ) : latest.isError ? (
        <Stack p="sm">
          <ErrorAlert title="Could not load notifications" error={latest.error} onRetry={() => void latest.refetch()} />
        </Stack>
      ) : latest.data.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          You have no notifications yet.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={420}>
          <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby={headingId}>
            {latest.data.map((notification) => (
              <li key={notification.id}>
                <NotificationItem notification={notification} onOpen={() => open(notification)} />
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </>
  );
}

function NotificationItem({ notification, onOpen }: { notification: AppNotification; onOpen: () => void }) {
  const unread = notification.readAt === null;
  return (
    <UnstyledButton
      onClick={onOpen}
      w="100%"
      px="md"
      py="xs"
      bg={unread ? 'blue.0' : undefined}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {notificationTypeLabel(notification.type)}
        </Text>
        {unread ? (
          <Badge size="xs" variant="filled">
            New
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" fw={unread ? 700 : 400}>
        {notification.title}
      </Text>
      {notification.body ? (
        <Text size="xs" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-line' }}>
          {notification.body}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {formatDateTime(notification.createdAt)}
      </Text>
    </UnstyledButton>
  );
}
