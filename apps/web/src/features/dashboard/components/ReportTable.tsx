import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ReportColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Figures: right-aligned, so digits line up. */
  numeric?: boolean;
  /** Long names that may break over lines; other cells (periods, figures) stay on one. */
  wrap?: boolean;
}

interface ReportTableProps<T> {
  /** Says what the table holds; also its accessible name. */
  caption: string;
  columns: readonly ReportColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** What an empty table says. */
  empty?: string;
  minWidth?: number;
}

/** A report's figures as a table: the first column names each row (a row header). */
export function ReportTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty = 'Nothing in this range.',
  minWidth = 480,
}: ReportTableProps<T>) {
  const [first, ...rest] = columns;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped verticalSpacing={4} captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header} scope="col" ta={column.numeric ? 'right' : undefined}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>{empty}</Table.Td>
            </Table.Tr>
          ) : (
            rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {first ? (
                  <Table.Th scope="row" fw={500} style={first.wrap ? undefined : NOWRAP}>
                    {first.cell(row)}
                  </Table.Th>
                ) : null}
                {rest.map((column) => (
                  <Table.Td
                    key={column.header}
                    ta={column.numeric ? 'right' : undefined}
                    style={column.wrap ? undefined : NOWRAP}
                  >
                    {column.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;
