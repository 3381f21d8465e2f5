import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { DataTable, RowAction, type DataTableProps } from './DataTable';
import { ConfirmDeleteModal } from './ConfirmDeleteModal';

interface Deletion<T> {
  /** What kind of record, for the confirmation ("Delete department"). */
  noun: string;
  mutation: UseMutationResult<void, Error, string>;
  /** The record as the confirmation names it, when that says more than its buttons do. */
  nameOf?: (record: T) => string;
  /** Said in brackets after the name, e.g. a department's code. */
  detailOf?: (record: T) => string;
  /** Built-in records get no Delete button. */
  allowed?: (record: T) => boolean;
}

interface ResourceTableProps<T extends { id: string }> extends Pick<
  DataTableProps<T>,
  'label' | 'columns' | 'rows' | 'query' | 'empty' | 'minWidth'
> {
  /** Names a record in its buttons' accessible labels ("Edit Finance"). */
  nameOf: (record: T) => string;
  /** An Edit button per record; leave out where records are never edited. */
  onEdit?: (record: T) => void;
  /** Records this person may not edit get no Edit button. */
  editAllowed?: (record: T) => boolean;
  /** A Delete button per record, asking for confirmation first; leave out where records are never deleted. */
  deletion?: Deletion<T>;
  /** The page's own buttons, between Edit and Delete. */
  moreActions?: (record: T) => ReactNode;
}

/** A list of records in a table, each with Edit (and Delete, once confirmed) buttons. */
export function ResourceTable<T extends { id: string }>({
  label,
  nameOf,
  onEdit,
  editAllowed,
  deletion,
  moreActions,
  ...table
}: ResourceTableProps<T>) {
  const [deleting, setDeleting] = useState<T | null>(null);
  const noun = label.toLowerCase();
  return (
    <>
      <DataTable
        {...table}
        label={label}
        rowKey={(record) => record.id}
        errorTitle={`Could not load ${noun}`}
        loadingLabel={`Loading ${noun}`}
        actions={
          onEdit || deletion || moreActions
            ? (record) => (
                <>
                  {onEdit && (editAllowed?.(record) ?? true) ? (
                    <RowAction label={`Edit ${nameOf(record)}`} onClick={() => onEdit(record)}>
                      Edit
                    </RowAction>
                  ) : null}
                  {moreActions?.(record)}
                  {deletion && (deletion.allowed?.(record) ?? true) ? (
                    <RowAction label={`Delete ${nameOf(record)}`} danger onClick={() => setDeleting(record)}>
                      Delete
                    </RowAction>
                  ) : null}
                </>
              )
            : undefined
        }
      />
      {deletion ? (
        <ConfirmDeleteModal
          noun={deletion.noun}
          record={deleting}
          nameOf={deletion.nameOf ?? nameOf}
          detailOf={deletion.detailOf}
          mutation={deletion.mutation}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}
