import { Dimmed, type ListQueryState } from '../../../components/ui/DataTable';
import type { TicketDetail, WorkLog } from '../../../lib/api/api-types';
import { formatCents, formatHourlyRate } from '../../../lib/money/money';
import { formatWorkMinutes } from '../../../lib/time/durations';
import { formatDate } from '../../../lib/time/format-date';
import { useDeleteWorkLog } from '../hooks/use-cost-mutations';
import { CostEntries } from './CostEntries';
import { WorkLogFormModal } from './WorkLogFormModal';

interface WorkLogsTableProps {
  ticket: TicketDetail;
  workLogs: readonly WorkLog[];
  query: ListQueryState;
}

/** The ticket's work logs, each costed at the rate in force on its day. */
export function WorkLogsTable({ ticket, workLogs, query }: WorkLogsTableProps) {
  return (
    <CostEntries
      title="Time worked"
      label="Work logs"
      noun="work log"
      addLabel="Log time"
      entries={workLogs}
      query={query}
      empty="No time logged yet."
      nameOf={(log) => `time logged ${formatDate(log.workDate)} by ${log.user.name}`}
      deleteNameOf={(log) => `${formatWorkMinutes(log.minutes)} of work on ${formatDate(log.workDate)} by ${log.user.name}`}
      deleteMutation={useDeleteWorkLog(ticket.id)}
      form={(log, opened, onClose) => <WorkLogFormModal ticket={ticket} log={log} opened={opened} onClose={onClose} />}
      columns={[
        { header: 'Date', nowrap: true, cell: (log) => formatDate(log.workDate) },
        { header: 'Technician', strong: true, cell: (log) => log.user.name },
        { header: 'Time', nowrap: true, cell: (log) => formatWorkMinutes(log.minutes) },
        { header: 'Rate', nowrap: true, cell: (log) => formatHourlyRate(log.rateCents) },
        { header: 'Cost', nowrap: true, cell: (log) => formatCents(log.costCents) },
        { header: 'Note', cell: (log) => log.note || <Dimmed /> },
      ]}
    />
  );
}
