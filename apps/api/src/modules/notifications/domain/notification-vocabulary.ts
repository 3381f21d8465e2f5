/** What a notification is about; the database enum notification_type is made from this list. */
export const NOTIFICATION_TYPES = [
  'ticket_created_in_queue',
  'ticket_assigned',
  'public_reply',
  'ticket_resolved',
  'sla_escalation',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
