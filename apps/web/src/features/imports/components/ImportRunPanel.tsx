import { Alert, Anchor, Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import type { ImportRun } from '../../../lib/api/api-types';
import { errorReportUrl, importRunQueryOptions } from '../api/imports.queries';

const STATUS_WORDS: Record<ImportRun['status'], { label: string; color: string }> = {
  queued: { label: 'Waiting to start', color: 'gray' },
  running: { label: 'Running', color: 'blue' },
  succeeded: { label: 'Finished', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
};

const number = (n: number) => n.toLocaleString('en-US');

/** A run as it goes: progress while it works, then what it did and every row it could not read. */
export function ImportRunPanel({ runId }: { runId: string }) {
  const run = useQuery(importRunQueryOptions(runId));
  if (run.isError) return <ErrorAlert error={run.error} title="Could not load the import" />;
  if (!run.data) return <Text c="dimmed">Starting…</Text>;
  const r = run.data;
  const status = STATUS_WORDS[r.status];
  const done = r.status === 'succeeded' || r.status === 'failed';
  const percent = r.ticketsFound > 0 ? Math.round((100 * r.ticketsDone) / r.ticketsFound) : done ? 100 : 0;
  const will = (done: string) => (r.dryRun ? `would be ${done}` : done);

  return (
    <Stack gap="sm" aria-live="polite">
      <Group gap="xs">
        <Text fw={600}>{r.dryRun ? 'Dry run' : 'Import'}</Text>
        <Badge color={status.color} variant="light">
          {status.label}
        </Badge>
      </Group>
      <Progress value={percent} aria-label={`${r.dryRun ? 'Dry run' : 'Import'} progress`} animated={!done} />
      <Text size="sm">
        {number(r.rowsRead)} rows read for {number(r.ticketsFound)} tickets ({number(r.rowsSuperseded)} rows replaced by a later
        row of the same ticket); {number(r.ticketsDone)} of {number(r.ticketsFound)} tickets done.
      </Text>
      {done ? (
        <Text size="sm">
          {number(r.ticketsCreated)} tickets {will('created')}, {number(r.ticketsUpdated)} {will('updated')},{' '}
          {number(r.ticketsUnchanged)} unchanged; {number(r.rowsSkipped)} rows skipped.
        </Text>
      ) : null}
      {r.status === 'failed' ? (
        <Alert color="red" variant="light" title="The import stopped">
          {r.failure} Everything up to line {number(r.lastLine)} is imported; running the import again is safe and finishes the
          rest.
        </Alert>
      ) : null}
      {r.errorCount > 0 ? <ImportErrors run={r} /> : done ? <Text size="sm">Every row could be read.</Text> : null}
    </Stack>
  );
}

function ImportErrors({ run }: { run: ImportRun }) {
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {number(run.errorCount)} problems
          {run.errors.length < run.errorCount ? ` (the first ${number(run.errors.length)} shown)` : ''}
        </Text>
        <Anchor href={errorReportUrl(run.id)} download size="sm">
          Download problems (CSV)
        </Anchor>
      </Group>
      <Table.ScrollContainer minWidth={560} maxHeight={320}>
        <Table striped stickyHeader verticalSpacing={4} aria-label="Rows that could not be read">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Line</Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.errors.map((error, index) => (
              <Table.Tr key={`${error.line}-${error.column ?? ''}-${index}`}>
                <Table.Td>{error.line}</Table.Td>
                <Table.Td>{error.column ?? '—'}</Table.Td>
                <Table.Td>{error.value ?? '—'}</Table.Td>
                <Table.Td>{error.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
