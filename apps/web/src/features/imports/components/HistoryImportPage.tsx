import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { PageHeader } from '../../../components/ui/PageHeader';
import { Panel } from '../../../components/ui/Panel';
import { browserTimeZone } from '../../../components/ui/TimeZoneSelect';
import type { ImportFile } from '../../../lib/api/api-types';
import { importRunQueryOptions, startTicketImport, uploadImportFile } from '../api/imports.queries';
import { importRequest, initialSettings, missingSettings, type ImportSettings } from './import-mapping';
import { ImportMappingForm } from './ImportMappingForm';
import { ImportRunPanel } from './ImportRunPanel';

/**
 * Bring another helpdesk's ticket history in: upload its CSV export, map its columns and values,
 * check it with a dry run (every unreadable row listed), then import it and follow the progress.
 */
export function HistoryImportPage() {
  const [file, setFile] = useState<ImportFile | null>(null);
  const [settings, setSettings] = useState<ImportSettings | null>(null);
  /** The dry run of the settings as they were when it started: changing them asks for a new one. */
  const [dryRun, setDryRun] = useState<{ id: string; settings: ImportSettings } | null>(null);
  const [importRunId, setImportRunId] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: uploadImportFile,
    onSuccess: (uploaded) => {
      setFile(uploaded);
      setSettings(initialSettings(uploaded, browserTimeZone()));
      setDryRun(null);
      setImportRunId(null);
    },
  });
  const start = useMutation({ mutationFn: startTicketImport });

  const run = (isDryRun: boolean) => {
    if (!file || !settings) return;
    start.mutate(importRequest(file.id, settings, isDryRun), {
      onSuccess: (queued) => {
        if (isDryRun) setDryRun({ id: queued.id, settings });
        else setImportRunId(queued.id);
      },
    });
  };
  // The same query the dry run's panel polls (one cache entry): importing waits for a finished check.
  const dryRunState = useQuery({ ...importRunQueryOptions(dryRun?.id ?? ''), enabled: dryRun !== null });
  const missing = settings ? missingSettings(settings) : [];
  const checked = dryRun !== null && dryRun.settings === settings && dryRunState.data?.status === 'succeeded';

  return (
    <Stack gap="md">
      <PageHeader
        title="History import"
        description="Bring tickets from another helpdesk’s CSV export; each keeps its SLA outcome and its place in the reports."
      />
      <Panel title="1. The file">
        <Group gap="sm">
          <FileButton accept=".csv,text/csv" onChange={(picked) => picked && upload.mutate(picked)}>
            {(props) => (
              <Button variant={file ? 'default' : 'filled'} loading={upload.isPending} {...props}>
                {file ? 'Choose another file…' : 'Choose a CSV file…'}
              </Button>
            )}
          </FileButton>
          {file ? (
            <Text size="sm">
              {file.name}: {file.rowCount.toLocaleString('en-US')} rows, {file.columns.length} columns
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              A header row, then one row per ticket or per change of a ticket (the last row of a ticket wins). Up to 100 MB.
            </Text>
          )}
        </Group>
        {upload.isError ? <ErrorAlert error={upload.error} title="Could not read the file" /> : null}
      </Panel>

      {file && settings ? (
        <Panel title="2. Mapping">
          <ImportMappingForm file={file} settings={settings} onChange={setSettings} />
          <Stack gap="xs" mt="md">
            {missing.length > 0 ? (
              <Text size="sm" c="dimmed">
                Still needed: {missing.join(', ')}.
              </Text>
            ) : null}
            {start.isError ? <ErrorAlert error={start.error} title="Could not start" /> : null}
            <Group justify="flex-end">
              <Button variant="default" disabled={missing.length > 0} loading={start.isPending} onClick={() => run(true)}>
                Check file (dry run)
              </Button>
              <Button disabled={!checked || importRunId !== null} loading={start.isPending} onClick={() => run(false)}>
                Import
              </Button>
            </Group>
            {!checked && missing.length === 0 ? (
              <Alert variant="light" color="blue">
                Check the file with these settings before importing (the dry run must finish): it writes nothing.
              </Alert>
            ) : null}
          </Stack>
        </Panel>
      ) : null}

      {dryRun ? (
        <Panel title="3. Dry run">
          <ImportRunPanel runId={dryRun.id} />
        </Panel>
      ) : null}
      {importRunId ? (
        <Panel title="4. Import">
          <ImportRunPanel runId={importRunId} />
        </Panel>
      ) : null}
    </Stack>
  );
}
