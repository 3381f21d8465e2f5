import { Button, Group, Loader, Table, Text, VisuallyHidden, type TableTrProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

export interface DataColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Dates, badges, codes: kept on one line. */
  nowrap?: boolean;
  /** The column that names the record. */
  strong?: boolean;
}

/** What the table reads from a TanStack query, plain or infinite (which adds "Load more"). */
export interface ListQueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  fetchNextPage?: () => unknown;
}

export interface DataTableProps<T> {
  /** The table's accessible name. */
  label: string;
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  query: ListQueryState;
  errorTitle: string;
  loadingLabel: string;
  empty: ReactNode;
  minWidth: number;
  striped?: boolean;
  /** Buttons for one row, in a last column whose heading only screen readers hear. */
  actions?: (row: T) => ReactNode;
  rowProps?: (row: T, index: number) => TableTrProps;
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** A list screen's table: its error (with retry), loading and empty states, the rows, and "Load more". */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  query,
  errorTitle,
  loadingLabel,
  empty,
  minWidth,
  striped = true,
  actions,
  rowProps,
}: DataTableProps<T>) {
  if (query.isError) return <ErrorAlert title={errorTitle} error={query.error} onRetry={() => void query.refetch()} />;

  const columnCount = columns.length + (actions ? 1 : 0);
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped={striped} highlightOnHover verticalSpacing="xs" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.header}>{column.header}</Table.Th>
              ))}
              {actions ? (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.isPending ? (
              <Table.Tr>
                <Table.Td colSpan={columnCount}>
                  <Loader size="sm" aria-label={loadingLabel} />
                </Table.Td>
              </Table.Tr>
            ) : rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columnCount}>
                  <Text c="dimmed" size="sm">
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              rows.map((row, index) => (
                <Table.Tr key={rowKey(row)} {...rowProps?.(row, index)}>
                  {columns.map((column) => (
                    <Table.Td key={column.header} style={column.nowrap ? NOWRAP : undefined} fw={column.strong ? 500 : undefined}>
                      {column.cell(row)}
                    </Table.Td>
                  ))}
                  {actions ? (
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        {actions(row)}
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {query.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage?.()}>
            Load more
          </Button>
        </Group>
      ) : null}
    </>
  );
}

interface RowActionProps {
  /** Names the record, since every row has the same button ("Edit Finance"). */
  label: string;
  onClick: () => void;
  danger?: boolean;
  /** For a button that does not apply to this row (e.g. "Move up" on the first). */
  disabled?: boolean;
  children: ReactNode;
}

/** A small button in a table row's actions. */
export function RowAction({ label, onClick, danger = false, disabled = false, children }: RowActionProps) {
  return (
    <Button
      size="compact-sm"
      variant="default"
      color={danger ? 'red' : undefined}
      aria-label={label}
      onClick={onClick}
      disabled={disabled}
    >
      {children}
    </Button>
  );
}

/** A dimmed word or dash for a missing value in a cell. */
export function Dimmed({ children = '—', size }: { children?: ReactNode; size?: 'xs' | 'sm' }) {
  return (
    <Text span c="dimmed" size={size}>
      {children}
    </Text>
  );
}
