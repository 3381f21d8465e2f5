import { Alert, Button, Code, FileButton, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../../lib/api/api-error';
import type { AssetImportError, AssetImportResult } from '../../../lib/api/api-types';
import { useImportAssets } from '../hooks/use-admin-mutations';

const COLUMNS =
  'tag, name, type, department, location, serial, purchase_date, cost, warranty_end, lifecycle_years, status, assigned_to';

interface AssetImportModalProps {
  opened: boolean;
  onClose: () => void;
}

export function AssetImportModal({ opened, onClose }: AssetImportModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Import assets from CSV" size="xl">
      {opened ? <AssetImport onDone={onClose} /> : null}
    </Modal>
  );
}

/** A refused import answers 400 import_failed with the same error rows as a dry run. */
function importErrorsFrom(error: unknown): AssetImportError[] | null {
  if (!isApiError(error) || error.code !== 'import_failed' || !Array.isArray(error.details)) return null;
  return error.details.filter(
    (d): d is AssetImportError =>
      typeof d === 'object' && d !== null && typeof (d as AssetImportError).line === 'number' && 'message' in d,
  );
}

function AssetImport({ onDone }: { onDone: () => void }) {
  const importAssets = useImportAssets();
  const [csv, setCsv] = useState('');
  /** The last dry run, and the exact text it checked: importing needs a clean check of this text. */
  const [checked, setChecked] = useState<{ csv: string; result: AssetImportResult } | null>(null);
  const [failure, setFailure] = useState<{ message: string; errors: AssetImportError[] | null } | null>(null);

  const dryRun = checked && checked.csv === csv ? checked.result : null;
  const errors = failure?.errors ?? dryRun?.errors ?? [];
  const canImport = dryRun !== null && dryRun.errors.length === 0 && dryRun.valid > 0;

  const run = (isDryRun: boolean) => {
    setFailure(null);
    importAssets.mutate(
      { csv, dryRun: isDryRun },
      {
        onSuccess: (result) => {
          if (isDryRun) {
            setChecked({ csv, result });
            return;
          }
          notifications.show({ color: 'green', message: `${result.created} assets were imported.` });
          onDone();
        },
        onError: (error) => setFailure({ message: errorMessage(error), errors: importErrorsFrom(error) }),
      },
    );
  };

  return (
    <Stack gap="sm">
      <Text size="sm">
        One asset per line with a header row. Columns: <Code style={{ whiteSpace: 'normal' }}>{COLUMNS}</Code> (the first four are
        required). Department is the department’s code, cost is in dollars, dates are YYYY-MM-DD, and assigned_to is a user’s
        e-mail. Check the file first; nothing is written until you import.
      </Text>
      <Group gap="xs">
        <FileButton
          accept=".csv,text/csv"
          onChange={(file) => {
            if (file) void file.text().then(setCsv);
          }}
        >
          {(props) => (
            <Button variant="default" size="xs" {...props}>
              Choose a file…
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          or paste the CSV below
        </Text>
      </Group>
      <Textarea
        label="CSV"
        autosize
        minRows={6}
        maxRows={14}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        value={csv}
        onChange={(event) => setCsv(event.currentTarget.value)}
      />
      {failure && !failure.errors ? (
        <Alert color="red" variant="light" title="Could not import">
          {failure.message}
        </Alert>
      ) : null}
      {dryRun ? (
        <Alert color={dryRun.errors.length === 0 ? 'green' : 'orange'} variant="light" title="Check result">
          {dryRun.rows} rows, {dryRun.valid} ready to import
          {dryRun.errors.length > 0 ? `, ${dryRun.errors.length} problems to fix first` : ''}.
        </Alert>
      ) : null}
      {errors.length > 0 ? (
        <Table.ScrollContainer minWidth={480} maxHeight={280}>
          <Table striped verticalSpacing={4} aria-label="Import errors" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                <Table.Th>Column</Table.Th>
                <Table.Th>Problem</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {errors.map((error, index) => (
                <Table.Tr key={`${error.line}-${error.column ?? ''}-${index}`}>
                  <Table.Td>{error.line}</Table.Td>
                  <Table.Td>{error.column ?? '—'}</Table.Td>
                  <Table.Td>{error.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          variant="default"
          disabled={!csv.trim()}
          loading={importAssets.isPending && importAssets.variables.dryRun}
          onClick={() => run(true)}
        >
          Check file (dry run)
        </Button>
        <Button
          disabled={!canImport}
          loading={importAssets.isPending && !importAssets.variables.dryRun}
          onClick={() => run(false)}
        >
          {dryRun && canImport ? `Import ${dryRun.valid} assets` : 'Import'}
        </Button>
      </Group>
    </Stack>
  );
}
