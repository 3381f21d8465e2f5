import { Fieldset, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { SearchSelect } from '../../../components/ui/SearchSelect';
import { TimeZoneSelect } from '../../../components/ui/TimeZoneSelect';
import type { ImportFile, Priority, TicketStatus } from '../../../lib/api/api-types';
import { queueListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { PRIORITIES, statusLabel, TICKET_STATUSES } from '../../../lib/tickets/ticket-vocabulary';
import { departmentsQueryOptions, userSearchQueryOptions } from '../api/imports.queries';
import { IMPORT_FIELDS, withGuessedValues, type ImportField, type ImportSettings } from './import-mapping';

interface ImportMappingFormProps {
  file: ImportFile;
  settings: ImportSettings;
  onChange: (settings: ImportSettings) => void;
}

const STATUS_OPTIONS = TICKET_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }));

/** Which column is which, how the file writes times and values, and what unmatched names become. */
export function ImportMappingForm({ file, settings, onChange }: ImportMappingFormProps) {
  const departments = useQuery(departmentsQueryOptions());
  const queues = useQuery(queueListQueryOptions());
  const columnOptions = file.columns.map((c) => c.name);
  const setColumn = (field: ImportField, column: string | null) =>
    onChange(withGuessedValues(file, { ...settings, columns: { ...settings.columns, [field]: column ?? undefined } }));
  const set = (changes: Partial<ImportSettings>) => onChange({ ...settings, ...changes });

  return (
    <Stack gap="md">
      <Fieldset legend="Columns">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          {IMPORT_FIELDS.map(({ field, label, required }) => (
            <Select
              key={field}
              label={label}
              withAsterisk={required}
              placeholder="Not in the file"
              data={columnOptions}
              value={settings.columns[field] ?? null}
              onChange={(column) => setColumn(field, column)}
              clearable={!required}
              searchable
            />
          ))}
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Times">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label="Date format"
            description="Unicode pattern such as d/M/yyyy H:mm, or ISO"
            value={settings.dateFormat}
            onChange={(event) => set({ dateFormat: event.currentTarget.value })}
            required
          />
          <TimeZoneSelect
            label="Time zone of the file’s times"
            value={settings.timeZone}
            onChange={(zone) => zone && set({ timeZone: zone })}
            allowDeselect={false}
          />
          <TextInput
            label="Values meaning “none”"
            description="Comma-separated, e.g. ?"
            value={settings.missingValues}
            onChange={(event) => onChange(withGuessedValues(file, { ...settings, missingValues: event.currentTarget.value }))}
          />
        </SimpleGrid>
      </Fieldset>

      <ValueMap
        legend="Priorities"
        values={settings.priorityMap}
        options={PRIORITIES.map((p) => ({ value: p, label: p }))}
        onChange={(priorityMap) => set({ priorityMap: priorityMap as Record<string, Priority | null> })}
      />
      <ValueMap
        legend="Statuses"
        values={settings.statusMap}
        options={STATUS_OPTIONS}
        onChange={(statusMap) => set({ statusMap: statusMap as Record<string, TicketStatus | null> })}
      />

      <Fieldset legend="Matching and defaults">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Departments are named by"
            data={[
              { value: 'name', label: 'Name' },
              { value: 'code', label: 'Code' },
            ]}
            value={settings.matching.department}
            onChange={(department) => department && set({ matching: { ...settings.matching, department: department } })}
            allowDeselect={false}
          />
          <Select
            label="People are named by"
            data={[
              { value: 'email', label: 'E-mail' },
              { value: 'name', label: 'Name' },
            ]}
            value={settings.matching.people}
            onChange={(people) => people && set({ matching: { ...settings.matching, people: people } })}
            allowDeselect={false}
          />
          <Select
            label="Default department"
            description="For rows without one, or naming one CivicDesk does not have"
            withAsterisk
            data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            value={settings.departmentId}
            onChange={(departmentId) => set({ departmentId })}
            searchable
          />
          <Select
            label="Default queue"
            description="For rows whose queue and category name none"
            withAsterisk
            data={(queues.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
            value={settings.queueId}
            onChange={(queueId) => set({ queueId })}
            searchable
          />
          <SearchSelect
            label="Default requester"
            description="For rows whose requester is not a CivicDesk user"
            placeholder="Search users"
            value={settings.requester}
            onChange={(requester) => set({ requester })}
            search={userSearchQueryOptions}
            optionLabel={(user) => user.name}
            optionDetail={(user) => user.email}
            nothingFound="No user matches"
          />
          <Select
            label="Default priority"
            description="For rows without a priority"
            data={[...PRIORITIES]}
            value={settings.defaultPriority}
            onChange={(defaultPriority) => set({ defaultPriority: defaultPriority })}
            clearable
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}

interface ValueMapProps {
  legend: string;
  values: Record<string, string | null>;
  options: { value: string; label: string }[];
  onChange: (values: Record<string, string | null>) => void;
}

/** Each value the file uses, and what it means in CivicDesk; a value left open is reported by the dry run. */
function ValueMap({ legend, values, options, onChange }: ValueMapProps) {
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  return (
    <Fieldset legend={legend}>
      <Table verticalSpacing={4} aria-label={`${legend} in the file`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>In the file</Table.Th>
            <Table.Th>In CivicDesk</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map(([source, target]) => (
            <Table.Tr key={source}>
              <Table.Td>
                <Text size="sm">{source}</Text>
              </Table.Td>
              <Table.Td>
                <Group>
                  <Select
                    aria-label={`${legend}: ${source}`}
                    placeholder="Not mapped"
                    data={options}
                    value={target}
                    onChange={(value) => onChange({ ...values, [source]: value })}
                    size="xs"
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Fieldset>
  );
}
