import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { Dimmed, type ListQueryState } from '../../../components/ui/DataTable';
import type { Expense, TicketDetail } from '../../../lib/api/api-types';
import { assetPath } from '../../../lib/assets/asset-paths';
import { formatCents } from '../../../lib/money/money';
import { formatDate } from '../../../lib/time/format-date';
import { useDeleteExpense } from '../hooks/use-cost-mutations';
import { CostEntries } from './CostEntries';
import { expenseTypeLabel } from './cost-words';
import { ExpenseFormModal } from './ExpenseFormModal';

interface ExpensesTableProps {
  ticket: TicketDetail;
  expenses: readonly Expense[];
  query: ListQueryState;
}

/** Money spent on the ticket: parts, vendors, contracts, software. */
export function ExpensesTable({ ticket, expenses, query }: ExpensesTableProps) {
  return (
    <CostEntries
      title="Expenses"
      label="Expenses"
      noun="expense"
      addLabel="Add expense"
      entries={expenses}
      query={query}
      empty="No expenses yet."
      nameOf={(expense) => `expense of ${formatCents(expense.amountCents)} on ${formatDate(expense.spentOn)}`}
      deleteMutation={useDeleteExpense(ticket.id)}
      form={(expense, opened, onClose) => (
        <ExpenseFormModal ticket={ticket} expense={expense} opened={opened} onClose={onClose} />
      )}
      columns={[
        { header: 'Date', nowrap: true, cell: (expense) => formatDate(expense.spentOn) },
        { header: 'Type', nowrap: true, cell: (expense) => expenseTypeLabel(expense.type) },
        { header: 'Vendor', cell: (expense) => expense.vendor ?? <Dimmed /> },
        { header: 'Description', cell: (expense) => expense.description || <Dimmed /> },
        {
          header: 'Asset',
          nowrap: true,
          cell: (expense) =>
            expense.asset ? (
              <Anchor component={Link} to={assetPath(expense.asset.id)} size="sm">
                {expense.asset.tag}
              </Anchor>
            ) : (
              <Dimmed />
            ),
        },
        { header: 'Amount', nowrap: true, strong: true, cell: (expense) => formatCents(expense.amountCents) },
      ]}
    />
  );
}
