import { queryOptions } from '@tanstack/react-query';
import type { AppNotification } from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';

/** The bell shows this many of the newest notifications. */
export const LATEST_NOTIFICATIONS = 20;

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  latest: () => [...notificationKeys.all, 'latest'] as const,
};

/** How many of the signed-in person's notifications are unread. */
export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async ({ signal }): Promise<number> => (await unwrap(api.GET('/api/notifications/unread-count', { signal }))).count,
  });
}

/** The newest notifications, read and unread, newest first. */
export function latestNotificationsQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.latest(),
    queryFn: async ({ signal }): Promise<AppNotification[]> =>
      (await unwrap(api.GET('/api/notifications', { params: { query: { limit: LATEST_NOTIFICATIONS } }, signal }))).items,
  });
}

export function markNotificationRead(id: string): Promise<AppNotification> {
  return unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
}

export async function markAllNotificationsRead(): Promise<void> {
  await unwrap(api.POST('/api/notifications/read-all'));
}
