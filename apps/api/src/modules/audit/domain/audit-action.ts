/**
 * Every kind of record an audit row can point at. Lists filter by these, so they are an allowlist.
 */
export const AUDIT_TARGET_TYPES = [
  'user',
  'queue',
  'department',
  'category',
  'asset',
  'calendar',
  'sla_policy',
  'maintenance_plan',
  'calendar_feed',
  'labor_rate',
  'ticket',
  'import_file',
  'import_run',
  'report',
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/**
 * The security-relevant actions CivicDesk records, each with the kind of record it acts on (null:
 * the action has no single target, such as a settings change or an asset CSV import). The code is
 * what the database stores and the API filters by; renaming one would orphan its history, so codes
 * are only ever added.
 */
export const AUDIT_ACTIONS = {
  'auth.signed_in': 'user',
  /** Actor null: nobody is signed in. Targets the account whose e-mail was tried, when there is one. */
  'auth.sign_in_failed': 'user',
  'auth.signed_out': 'user',
  'auth.password_changed': 'user',

  'user.created': 'user',
  'user.role_changed': 'user',
  'user.department_changed': 'user',
  'user.email_changed': 'user',
  'user.disabled': 'user',
  'user.enabled': 'user',
  'user.temporary_password_set': 'user',

  'queue.created': 'queue',
  'queue.updated': 'queue',
  'queue.members_changed': 'queue',
  'queue.deleted': 'queue',

  'department.created': 'department',
  'department.updated': 'department',
  'department.deleted': 'department',

  'category.deleted': 'category',

  'asset.deleted': 'asset',
  'asset.import_checked': null,
  'asset.imported': null,

  'calendar.created': 'calendar',
  'calendar.updated': 'calendar',
  'calendar.deleted': 'calendar',
  'calendar.holiday_added': 'calendar',
  'calendar.holiday_deleted': 'calendar',
  'calendar.holidays_imported': 'calendar',
  'calendar.public_holidays_loaded': 'calendar',
  'calendar.holidays_exported': 'calendar',

  'sla_policy.created': 'sla_policy',
  'sla_policy.updated': 'sla_policy',
  'sla_policy.activated': 'sla_policy',
  'sla_policy.deactivated': 'sla_policy',
  'sla_policy.deleted': 'sla_policy',
  'sla_policy.reordered': null,

  'maintenance_plan.deleted': 'maintenance_plan',

  'calendar_feed.created': 'calendar_feed',
  'calendar_feed.revoked': 'calendar_feed',
  /** Actor null: a calendar app fetching the subscription with its token. */
  'calendar_feed.read': 'calendar_feed',

  'labor_rate.created': 'labor_rate',
  'labor_rate.deleted': 'labor_rate',
  'ticket.work_log_deleted': 'ticket',
  'ticket.expense_deleted': 'ticket',

  'settings.updated': null,

  'import.file_uploaded': 'import_file',
  'import.dry_run_started': 'import_run',
  'import.run_started': 'import_run',
  'import.problems_exported': 'import_run',

  'report.exported': 'report',
  'audit.exported': null,
} as const satisfies Record<string, AuditTargetType | null>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function targetTypeOf(action: AuditAction): AuditTargetType | null {
  return AUDIT_ACTIONS[action];
}
