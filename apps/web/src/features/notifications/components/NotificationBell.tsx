import { ActionIcon, Indicator, Popover } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unreadCountQueryOptions } from '../api/notifications.queries';
import { NotificationList } from './NotificationList';

/** How often the bell asks for new notifications (it also does when the window gets focus again). */
export const NOTIFICATION_POLL_MS = 30_000;

const HEADING_ID = 'notifications-heading';

/** The header's bell: how many notifications are unread, and the newest of them on a click. */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const unread = useQuery({
    ...unreadCountQueryOptions(),
    refetchInterval: NOTIFICATION_POLL_MS,
    refetchOnWindowFocus: 'always',
  });
  const count = unread.data ?? 0;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={unread.data === undefined ? 'Notifications' : `Notifications, ${count} unread`}
          onClick={() => setOpened((current) => !current)}
        >
          <Indicator label={count > 99 ? '99+' : count} disabled={count === 0} size={16} color="red" offset={2}>
            <BellIcon />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-labelledby={HEADING_ID}>
        <NotificationList headingId={HEADING_ID} unreadCount={count} onClose={() => setOpened(false)} />
      </Popover.Dropdown>
    </Popover>
  );
}

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.7 21a2 2 0 0 1-3.4 0" />
    </svg>
  );
}
