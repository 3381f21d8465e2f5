import { Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FactList } from '../../../components/ui/FactList';
import { Panel } from '../../../components/ui/Panel';
import type { TicketCosts, TicketDetail } from '../../../lib/api/api-types';
import { formatCents } from '../../../lib/money/money';
import { cityTimeZoneQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { formatWorkMinutes } from '../../../lib/time/durations';
import { ticketCostsQueryOptions } from '../api/ticket-costs.queries';
import { ExpensesTable } from './ExpensesTable';
import { WorkLogsTable } from './WorkLogsTable';

/** Time and money spent on the ticket, for staff only: totals, then the work logs and expenses behind them. */
export function CostsPanel({ ticket }: { ticket: TicketDetail }) {
  const costs = useQuery(ticketCostsQueryOptions(ticket.id));
  // The forms default to today in the city's zone; ask for it before they open.
  useQuery(cityTimeZoneQueryOptions());

  return (
    <Panel title="Time and costs">
      {costs.isPending ? (
        <Loader size="sm" aria-label="Loading time and costs" />
      ) : costs.isError ? (
        <ErrorAlert title="Could not load time and costs" error={costs.error} onRetry={() => void costs.refetch()} />
      ) : (
        <Stack gap="lg">
          <CostTotals costs={costs.data} />
          <WorkLogsTable ticket={ticket} workLogs={costs.data.workLogs} query={costs} />
          <ExpensesTable ticket={ticket} expenses={costs.data.expenses} query={costs} />
        </Stack>
      )}
    </Panel>
  );
}

function CostTotals({ costs }: { costs: TicketCosts }) {
  return (
    <FactList
      label="Cost totals"
      cols={{ base: 2, sm: 4 }}
      emphasis
      facts={[
        ['Labour time', formatWorkMinutes(costs.labourMinutes)],
        ['Labour cost', formatCents(costs.labourCostCents)],
        ['Expenses', formatCents(costs.expensesCents)],
        ['Total', formatCents(costs.totalCents)],
      ]}
    />
  );
}
