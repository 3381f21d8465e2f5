import { within } from '@testing-library/react';

/** The text of every body row of a table, cell by cell (row headers included), for one toEqual. */
export function bodyRowTexts(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent ?? ''));
}
