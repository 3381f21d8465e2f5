import { Button, Group, Loader, Select, TextInput } from '@mantine/core';
import { FilterSelect } from '../../../components/ui/FilterBar';
import { SearchSelect } from '../../../components/ui/SearchSelect';
import type { AuditAction } from '../../../lib/api/api-types';
import { NO_AUDIT_FILTERS, userSearchQueryOptions, type AuditFilters } from '../api/audit.queries';
import { actionOptions, TARGET_OPTIONS } from './audit-words';

const ACTION_OPTIONS = actionOptions();
const isAction = (value: string | null): value is AuditAction =>
  value !== null && ACTION_OPTIONS.some((group) => group.items.some((item) => item.value === value));

interface AuditFilterBarProps {
  filters: AuditFilters;
  onChange: (changes: Partial<AuditFilters>) => void;
  rangeError: string | null;
  /** A small spinner while the list reloads for new filters. */
  refreshing: boolean;
}

/** The audit log's filters: what was done, by whom, to which record, on which days (the city's calendar). */
export function AuditFilterBar({ filters, onChange, rangeError, refreshing }: AuditFilterBarProps) {
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_AUDIT_FILTERS);
  return (
    <Group mb="sm" align="flex-end" wrap="wrap" gap="sm" role="group" aria-label="Audit log filters">
      <Select
        label="Action"
        placeholder="All actions"
        data={ACTION_OPTIONS}
        value={filters.action}
        onChange={(value) => onChange({ action: isAction(value) ? value : null })}
        searchable
        clearable
        w={260}
      />
      <SearchSelect
        label="Person"
        placeholder="Anyone: type a name or e-mail"
        value={filters.actor}
        onChange={(user) => onChange({ actor: user ? { id: user.id, name: user.name } : null })}
        search={userSearchQueryOptions}
        optionLabel={(user) => user.name}
        optionDetail={(user) => user.email}
        nothingFound="Nobody matches"
      />
      <FilterSelect
        label="Record"
        placeholder="Any kind"
        options={TARGET_OPTIONS}
        value={filters.targetType}
        onChange={(targetType) => onChange({ targetType, ...(targetType ? {} : { targetId: '' }) })}
        width={190}
      />
      <TextInput
        label="Record id"
        placeholder={filters.targetType ? 'Any' : 'Choose a kind first'}
        value={filters.targetId}
        onChange={(event) => onChange({ targetId: event.currentTarget.value })}
        disabled={!filters.targetType}
        w={300}
      />
      <TextInput
        type="date"
        label="From"
        value={filters.from}
        onChange={(event) => onChange({ from: event.currentTarget.value })}
        error={rangeError}
        w={160}
      />
      <TextInput
        type="date"
        label="To"
        value={filters.to}
        onChange={(event) => onChange({ to: event.currentTarget.value })}
        w={160}
      />
      {filtered ? (
        <Button variant="subtle" onClick={() => onChange(NO_AUDIT_FILTERS)}>
          Clear filters
        </Button>
      ) : null}
      {refreshing ? <Loader size="xs" aria-label="Refreshing" /> : null}
    </Group>
  );
}
