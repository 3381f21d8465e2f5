import { Badge, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DataTable } from '../../../components/ui/DataTable';
import { formatDateTime } from '../../../lib/time/format-date';
import { slaPolicyQueryOptions } from '../api/sla-policies.queries';

/** A policy's versions, newest first: every save made one, and tickets keep the version they matched. */
export function SlaPolicyVersions({ policyId }: { policyId: string }) {
  const policy = useQuery(slaPolicyQueryOptions(policyId));
  return (
    <Stack gap={4} mt="lg">
      <Title order={4}>Version history</Title>
      <Text size="xs" c="dimmed">
        Saving makes a new version. Tickets keep the version they matched, so older versions stay as they were.
      </Text>
      <DataTable
        label="Version history"
        query={policy}
        rows={policy.data?.versions ?? []}
        rowKey={(version) => version.id}
        errorTitle="Could not load the versions"
        loadingLabel="Loading versions"
        empty="No versions."
        minWidth={480}
        columns={[
          {
            header: 'Version',
            nowrap: true,
            cell: (version) => (
              <>
                {version.version}
                {version.id === policy.data?.versionId ? (
                  <Badge ml="xs" size="xs" variant="light">
                    Current
                  </Badge>
                ) : null}
              </>
            ),
          },
          { header: 'Name', cell: (version) => version.name },
          { header: 'Saved', nowrap: true, cell: (version) => formatDateTime(version.createdAt) },
          { header: 'By', cell: (version) => version.createdBy },
        ]}
      />
    </Stack>
  );
}
