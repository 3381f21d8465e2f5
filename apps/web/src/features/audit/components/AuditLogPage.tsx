import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable, Dimmed, type DataColumn } from '../../../components/ui/DataTable';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { AuditEntry } from '../../../lib/api/api-types';
import { formatDateTime } from '../../../lib/time/format-date';
import { auditCsvUrl, auditListQueryOptions, NO_AUDIT_FILTERS, type AuditFilters } from '../api/audit.queries';
import { actionLabel, detailText, targetLabel } from './audit-words';
import { AuditFilterBar } from './AuditFilterBar';

/**
 * The audit log for admins: who signed in (or failed to), changed access or configuration,
 * imported, exported or deleted what, from which address. Newest first; the database keeps every
 * entry as written.
 */
export function AuditLogPage() {
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  // Typing a record id asks the API once the typing stops.
  const [targetId] = useDebouncedValue(filters.targetId.trim(), 300);
  const applied = { ...filters, targetId };
  const rangeError = filters.from && filters.to && filters.from > filters.to ? 'The range starts after it ends' : null;
  const entries = useInfiniteQuery({
    ...auditListQueryOptions(applied),
    enabled: rangeError === null,
    placeholderData: keepPreviousData,
  });
  const change = (changes: Partial<AuditFilters>) => setFilters((current) => ({ ...current, ...changes }));

  const columns: DataColumn<AuditEntry>[] = [
    { header: 'When', nowrap: true, cell: (entry) => formatDateTime(entry.occurredAt) },
    {
      header: 'Who',
      cell: (entry) =>
        entry.actor ? (
          <Stack gap={0}>
            <Anchor
              component="button"
              type="button"
              size="sm"
              fw={500}
              onClick={() => change({ actor: { id: entry.actor!.id, name: entry.actor!.name } })}
              aria-label={`Only entries by ${entry.actor.name}`}
            >
              {entry.actor.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {entry.actor.email}
            </Text>
          </Stack>
        ) : (
          <Dimmed size="sm">Nobody signed in</Dimmed>
        ),
    },
    { header: 'Action', cell: (entry) => actionLabel(entry.action) },
    {
      header: 'Record',
      cell: (entry) =>
        entry.targetType ? (
          <Stack gap={0}>
            <Text size="sm">{targetLabel(entry.targetType)}</Text>
            {entry.targetId ? (
              <Anchor
                component="button"
                type="button"
                size="xs"
                ff="monospace"
                onClick={() => change({ targetType: entry.targetType, targetId: entry.targetId ?? '' })}
                aria-label={`Only entries about ${targetLabel(entry.targetType).toLowerCase()} ${entry.targetId}`}
              >
                {entry.targetId}
              </Anchor>
            ) : null}
          </Stack>
        ) : (
          <Dimmed />
        ),
    },
    {
      header: 'Details',
      cell: (entry) => {
        const text = detailText(entry.detail);
        return text ? (
          <Text size="sm" lineClamp={3} title={text} style={{ wordBreak: 'break-word' }}>
            {text}
          </Text>
        ) : (
          <Dimmed />
        );
      },
    },
    {
      header: 'From',
      cell: (entry) =>
        entry.ip ? (
          <Stack gap={0}>
            <Text size="sm" ff="monospace">
              {entry.ip}
            </Text>
            {entry.userAgent ? (
              <Text size="xs" c="dimmed" lineClamp={1} title={entry.userAgent} maw={220}>
                {entry.userAgent}
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Dimmed size="sm">The app itself</Dimmed>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Sign-ins, changes to access and configuration, imports, exports and deletions: who, when and from where. Entries are never changed or removed."
        actions={
          <Button component="a" href={auditCsvUrl(applied)} download variant="default">
            Download CSV
          </Button>
        }
      />
      <AuditFilterBar
        filters={filters}
        onChange={change}
        rangeError={rangeError}
        refreshing={entries.isFetching && !entries.isPending && !entries.isFetchingNextPage}
      />
      <DataTable
        label="Audit log"
        columns={columns}
        rows={entries.data?.pages.flatMap((page) => page.items) ?? []}
        rowKey={(entry) => entry.id}
        query={entries}
        errorTitle="Could not load the audit log"
        loadingLabel="Loading the audit log"
        empty="No entries match."
        minWidth={1100}
      />
    </>
  );
}
