import { Stack } from '@mantine/core';
import { FactList } from '../../../components/ui/FactList';
import type { AssetCostToDate as CostToDate } from '../../../lib/api/api-types';
import { formatCents } from '../../../lib/money/money';
import { WORK_CLASSES, workClassLabel } from '../../../lib/tickets/ticket-vocabulary';
import { formatWorkMinutes } from '../../../lib/time/durations';

const CENTS_BY_CLASS = { reactive: 'reactiveCents', service: 'serviceCents', proactive: 'proactiveCents' } as const;

/**
 * What the asset has cost in labour and expenses, split by work class: fixing it when it broke
 * (reactive) beside looking after it (proactive). Staff only; the API leaves it out for others.
 */
export function AssetCostToDate({ cost }: { cost: CostToDate }) {
  return (
    <Stack gap="md">
      <FactList
        label="Cost to date by work class"
        cols={{ base: 2, sm: 4 }}
        emphasis
        facts={[
          ...WORK_CLASSES.map((workClass) => [workClassLabel(workClass), formatCents(cost[CENTS_BY_CLASS[workClass]])] as const),
          ['Total', formatCents(cost.totalCents)],
        ]}
      />
      <FactList
        label="Cost to date by kind of cost"
        cols={{ base: 2, sm: 4 }}
        facts={[
          ['Labour time', formatWorkMinutes(cost.labourMinutes)],
          ['Labour cost', formatCents(cost.labourCents)],
          ['Expenses', formatCents(cost.expensesCents)],
        ]}
      />
    </Stack>
  );
}
