import { Badge, Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ListQueryState } from '../../../components/ui/DataTable';
import { PageHeader } from '../../../components/ui/PageHeader';
import { Panel } from '../../../components/ui/Panel';
import { ResourceTable } from '../../../components/ui/ResourceTable';
import { WORD_BADGE_STYLES } from '../../../components/ui/TicketBadges';
import type { Rate } from '../../../lib/api/api-types';
import { formatHourlyRate } from '../../../lib/money/money';
import { useCurrentUser } from '../../../lib/session/current-user';
import { formatDate } from '../../../lib/time/format-date';
import { rateListQueryOptions } from '../api/rates.queries';
import { useDeleteRate } from '../hooks/use-rate-mutations';
import { RateFormModal } from './RateFormModal';
import { rateName, rateOwner, ratePeriodColor, ratePeriodLabel } from './rate-words';

/** Hourly rates with the days they take effect: admins add them and delete those not yet in force; managers read. */
export function RatesPage() {
  const me = useCurrentUser();
  const admin = me.role === 'admin';
  const rates = useQuery(rateListQueryOptions());
  const [adding, adder] = useDisclosure(false);
  const all = rates.data ?? [];

  return (
    <>
      <PageHeader
        title="Hourly rates"
        description="Time is costed at the rate in force on the day of the work: the person’s own rate, or else their role’s default. Costs already logged keep the rate they were logged at."
        actions={admin ? <Button onClick={adder.open}>Add rate</Button> : null}
      />
      <Stack gap="md">
        <Panel title="Role defaults">
          <RateTable label="Role default rates" rows={all.filter((r) => r.user === null)} query={rates} admin={admin} />
        </Panel>
        <Panel title="Personal rates">
          <RateTable label="Personal rates" rows={all.filter((r) => r.user !== null)} query={rates} admin={admin} />
        </Panel>
      </Stack>
      {admin ? <RateFormModal opened={adding} onClose={adder.close} /> : null}
    </>
  );
}

interface RateTableProps {
  label: string;
  rows: readonly Rate[];
  query: ListQueryState;
  admin: boolean;
}

function RateTable({ label, rows, query, admin }: RateTableProps) {
  const deleteRate = useDeleteRate();
  return (
    <ResourceTable
      label={label}
      query={query}
      rows={rows}
      minWidth={560}
      empty="No rates yet."
      nameOf={rateName}
      // A rate in force (or once in force) may have costs stored at it: only future ones go.
      deletion={admin ? { noun: 'rate', mutation: deleteRate, allowed: (rate) => rate.period === 'future' } : undefined}
      columns={[
        { header: 'Who', strong: true, cell: rateOwner },
        { header: 'Hourly rate', nowrap: true, cell: (rate) => formatHourlyRate(rate.hourlyRateCents) },
        { header: 'From', nowrap: true, cell: (rate) => formatDate(rate.effectiveFrom) },
        {
          header: 'Status',
          cell: (rate) => (
            <Badge color={ratePeriodColor(rate.period)} variant="light" styles={WORD_BADGE_STYLES}>
              {ratePeriodLabel(rate.period)}
            </Badge>
          ),
        },
      ]}
    />
  );
}
