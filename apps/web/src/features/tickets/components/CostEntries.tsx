import { Button, Group, Title } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { DataColumn, ListQueryState } from '../../../components/ui/DataTable';
import { ResourceTable } from '../../../components/ui/ResourceTable';
import { useCrudDialog } from '../../../lib/forms/use-crud-dialog';

/** A work log or an expense: the API says whether this person may change it (its author, a manager). */
interface CostEntry {
  id: string;
  can: { change: boolean };
}

interface CostEntriesProps<T extends CostEntry> {
  /** The part's heading ("Time worked"). */
  title: string;
  /** The table's accessible name ("Work logs"). */
  label: string;
  /** What one entry is called in the delete confirmation ("work log"). */
  noun: string;
  addLabel: string;
  entries: readonly T[];
  query: ListQueryState;
  columns: readonly DataColumn<T>[];
  empty: string;
  /** Names an entry in its buttons ("Edit time logged Mar 2, 2026 by Taylor Tech"). */
  nameOf: (entry: T) => string;
  /** Names an entry in the delete confirmation, when that says more than its buttons. */
  deleteNameOf?: (entry: T) => string;
  deleteMutation: UseMutationResult<void, Error, string>;
  /** The add/edit dialog: for `entry`, or a new one when it is null. */
  form: (entry: T | null, opened: boolean, onClose: () => void) => ReactNode;
}

/** One kind of cost entry on a ticket: its heading with the add button, its table, and its dialogs. */
export function CostEntries<T extends CostEntry>({
  title,
  label,
  noun,
  addLabel,
  entries,
  query,
  columns,
  empty,
  nameOf,
  deleteNameOf,
  deleteMutation,
  form,
}: CostEntriesProps<T>) {
  const dialog = useCrudDialog<T>();
  const changeable = (entry: T) => entry.can.change;
  return (
    <div>
      <Group justify="space-between" mb="xs">
        <Title order={4} size="h6">
          {title}
        </Title>
        <Button size="xs" variant="default" onClick={dialog.create}>
          {addLabel}
        </Button>
      </Group>
      <ResourceTable
        label={label}
        query={query}
        rows={entries}
        minWidth={760}
        empty={empty}
        nameOf={nameOf}
        onEdit={dialog.edit}
        editAllowed={changeable}
        deletion={{ noun, mutation: deleteMutation, nameOf: deleteNameOf, allowed: changeable }}
        columns={columns}
      />
      {form(dialog.recordFor('form'), dialog.isOpen('form'), dialog.close)}
    </div>
  );
}
