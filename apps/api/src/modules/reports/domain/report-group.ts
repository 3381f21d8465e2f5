import { PRIORITIES, WORK_CLASSES } from '../../tickets/domain/ticket-vocabulary.js';

/** What a report's rows may be split by. Each report allows the ones meaningful for it. */
export const REPORT_GROUPS = ['work_class', 'department', 'category', 'priority', 'queue'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

/** One group of a report: the key (an id or a vocabulary value) and the name to show. */
export interface GroupRef {
  groupKey: string | null;
  groupName: string | null;
}

/** A vocabulary's values, in their own order, for groups that always show every value. */
export function fixedGroups(group: ReportGroup | null): readonly string[] | null {
  switch (group) {
    case 'work_class':
      return WORK_CLASSES;
    case 'priority':
      return PRIORITIES;
    case 'department':
    case 'category':
    case 'queue':
    case null:
      return null;
  }
}

/** English name order, built once: localeCompare with a locale builds a collator on every call. */
const BY_NAME = new Intl.Collator('en');

/** The name a row shows for a ticket without a value of the group (a ticket without a category). */
export const NO_GROUP_NAME = '(none)';

/**
 * The groups of a report's rows, in display order: every value of a vocabulary group in its own
 * order, else the groups that occur, by name, the "(none)" group last. No grouping is one group.
 */
export function orderedGroups(group: ReportGroup | null, occurring: readonly GroupRef[]): GroupRef[] {
  if (group === null) return [{ groupKey: null, groupName: null }];
  const fixed = fixedGroups(group);
  if (fixed) return fixed.map((value) => ({ groupKey: value, groupName: value }));
  const unique = new Map<string | null, GroupRef>();
  for (const ref of occurring) unique.set(ref.groupKey, ref);
  return [...unique.values()].sort((a, b) => {
    if (a.groupKey === null || b.groupKey === null) return a.groupKey === null ? 1 : -1;
    const byName = BY_NAME.compare(a.groupName ?? '', b.groupName ?? '');
    return byName !== 0 ? byName : a.groupKey.localeCompare(b.groupKey);
  });
}
