import type { AuditAction, AuditEntry, AuditTargetType } from '../../../lib/api/api-types';

/** Every action in words, in the filter's groups. Record keys, so an action the API adds fails the type check until it has words. */
const ACTIONS: Record<AuditAction, { label: string; group: string }> = {
  'auth.signed_in': { label: 'Signed in', group: 'Sign-in' },
  'auth.sign_in_failed': { label: 'Sign-in failed', group: 'Sign-in' },
  'auth.signed_out': { label: 'Signed out', group: 'Sign-in' },
  'auth.password_changed': { label: 'Changed their password', group: 'Sign-in' },
  'user.created': { label: 'Created a user', group: 'Users and access' },
  'user.role_changed': { label: 'Changed a role', group: 'Users and access' },
  'user.department_changed': { label: 'Moved a user to another department', group: 'Users and access' },
  'user.email_changed': { label: 'Changed a user’s e-mail', group: 'Users and access' },
  'user.disabled': { label: 'Deactivated a user', group: 'Users and access' },
  'user.enabled': { label: 'Reactivated a user', group: 'Users and access' },
  'user.temporary_password_set': { label: 'Set a temporary password', group: 'Users and access' },
  'queue.created': { label: 'Created a queue', group: 'Users and access' },
  'queue.updated': { label: 'Changed a queue', group: 'Users and access' },
  'queue.members_changed': { label: 'Changed a queue’s members', group: 'Users and access' },
  'queue.deleted': { label: 'Deleted a queue', group: 'Users and access' },
  'calendar_feed.created': { label: 'Created a calendar subscription', group: 'Users and access' },
  'calendar_feed.revoked': { label: 'Revoked a calendar subscription', group: 'Users and access' },
  'department.created': { label: 'Created a department', group: 'Configuration' },
  'department.updated': { label: 'Changed a department', group: 'Configuration' },
  'department.deleted': { label: 'Deleted a department', group: 'Configuration' },
  'calendar.created': { label: 'Created a calendar', group: 'Configuration' },
  'calendar.updated': { label: 'Changed a calendar', group: 'Configuration' },
  'calendar.deleted': { label: 'Deleted a calendar', group: 'Configuration' },
  'calendar.holiday_added': { label: 'Added a holiday', group: 'Configuration' },
  'calendar.holiday_deleted': { label: 'Removed a holiday', group: 'Configuration' },
  'calendar.holidays_imported': { label: 'Imported holidays (.ics)', group: 'Configuration' },
  'calendar.public_holidays_loaded': { label: 'Loaded public holidays', group: 'Configuration' },
  'sla_policy.created': { label: 'Created an SLA policy', group: 'Configuration' },
  'sla_policy.updated': { label: 'Changed an SLA policy (new version)', group: 'Configuration' },
  'sla_policy.activated': { label: 'Switched an SLA policy on', group: 'Configuration' },
  'sla_policy.deactivated': { label: 'Switched an SLA policy off', group: 'Configuration' },
  'sla_policy.deleted': { label: 'Deleted an SLA policy', group: 'Configuration' },
  'sla_policy.reordered': { label: 'Reordered the SLA policies', group: 'Configuration' },
  'settings.updated': { label: 'Changed settings', group: 'Configuration' },
  'labor_rate.created': { label: 'Added an hourly rate', group: 'Configuration' },
  'category.deleted': { label: 'Deleted a category', group: 'Deletions' },
  'asset.deleted': { label: 'Deleted an asset', group: 'Deletions' },
  'maintenance_plan.deleted': { label: 'Deleted a maintenance plan', group: 'Deletions' },
  'labor_rate.deleted': { label: 'Deleted an hourly rate', group: 'Deletions' },
  'ticket.work_log_deleted': { label: 'Deleted logged time', group: 'Deletions' },
  'ticket.expense_deleted': { label: 'Deleted an expense', group: 'Deletions' },
  'asset.import_checked': { label: 'Checked an asset import', group: 'Imports' },
  'asset.imported': { label: 'Imported assets', group: 'Imports' },
  'import.file_uploaded': { label: 'Uploaded a history file', group: 'Imports' },
  'import.dry_run_started': { label: 'Started a history import check', group: 'Imports' },
  'import.run_started': { label: 'Started a history import', group: 'Imports' },
  'report.exported': { label: 'Downloaded a report (CSV)', group: 'Exports' },
  'import.problems_exported': { label: 'Downloaded import problems (CSV)', group: 'Exports' },
  'calendar.holidays_exported': { label: 'Downloaded holidays (.ics)', group: 'Exports' },
  'calendar_feed.read': { label: 'Calendar subscription read', group: 'Exports' },
  'audit.exported': { label: 'Downloaded the audit log (CSV)', group: 'Exports' },
};

const TARGETS: Record<AuditTargetType, string> = {
  user: 'User',
  queue: 'Queue',
  department: 'Department',
  category: 'Category',
  asset: 'Asset',
  calendar: 'Calendar',
  sla_policy: 'SLA policy',
  maintenance_plan: 'Maintenance plan',
  calendar_feed: 'Calendar subscription',
  labor_rate: 'Hourly rate',
  ticket: 'Ticket',
  import_file: 'Import file',
  import_run: 'Import run',
  report: 'Report',
};

export function actionLabel(action: AuditAction): string {
  return ACTIONS[action].label;
}

export function targetLabel(type: AuditTargetType): string {
  return TARGETS[type];
}

/** The action filter's choices, grouped as the list above orders them. */
export function actionOptions(): { group: string; items: { value: AuditAction; label: string }[] }[] {
  const groups = new Map<string, { value: AuditAction; label: string }[]>();
  for (const [value, { label, group }] of Object.entries(ACTIONS) as [AuditAction, { label: string; group: string }][]) {
    groups.set(group, [...(groups.get(group) ?? []), { value, label }]);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

export const TARGET_OPTIONS = (Object.entries(TARGETS) as [AuditTargetType, string][]).map(([value, label]) => ({
  value,
  label,
}));

/** "sessionsRevoked" → "sessions revoked". */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(valueText).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 2 && 'from' in record && 'to' in record) return `${valueText(record.from)} → ${valueText(record.to)}`;
    return keys.map((key) => `${words(key)}: ${valueText(record[key])}`).join(', ');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** An entry's facts as one line: "restricted: false → true; lead id: none → …". */
export function detailText(detail: AuditEntry['detail']): string {
  return Object.entries(detail)
    .map(([key, value]) => `${words(key)}: ${valueText(value)}`)
    .join('; ');
}
