import type { NotificationType } from '../../../lib/api/api-types';

// Keyed by the API's enum: a new notification type fails the type check here until it has words.
const TYPE_LABELS: Record<NotificationType, string> = {
  ticket_created_in_queue: 'New in your queue',
  ticket_assigned: 'Assigned to you',
  public_reply: 'New reply',
  ticket_resolved: 'Resolved',
  sla_escalation: 'SLA escalation',
};

export function notificationTypeLabel(type: NotificationType): string {
  return TYPE_LABELS[type];
}

/**
 * Only a path inside this app is followed ("/tickets/INC-000123"); "//host" and "/\host" would
 * leave it, and anything else is not a path.
 */
export function appPathOf(link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null;
  return link;
}
