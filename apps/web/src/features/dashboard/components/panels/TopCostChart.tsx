import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { formatCompactDollars } from '../../../../lib/money/money';
import { useChartColors } from '../charts/chart-colors';
import { axisStyle, STILL } from '../charts/chart-parts';
import { useChartSize } from '../charts/chart-size';
import type { GroupTotals } from './prevention-figures';

/** Reactive cost per group as horizontal bars, each labelled with its amount. */
export function TopCostChart({ groups, height }: { groups: GroupTotals[]; height: number }) {
  const colors = useChartColors();
  const size = useChartSize(height);
  const axis = axisStyle(colors.axis);
  return (
    <BarChart
      {...size}
      data={groups}
      layout="vertical"
      accessibilityLayer={false}
      margin={{ top: 0, right: 64, bottom: 0, left: 8 }}
    >
      <CartesianGrid stroke={colors.grid} horizontal={false} />
      <XAxis type="number" {...axis} tickFormatter={(cents: number) => formatCompactDollars(cents)} />
      <YAxis type="category" dataKey="name" {...axis} width={130} />
      <Bar dataKey="reactiveCents" name="Reactive cost" fill={colors.workClass.reactive.color} {...STILL}>
        <LabelList
          dataKey="reactiveCents"
          position="right"
          fill={colors.axis}
          fontSize={12}
          formatter={(cents: unknown) => (typeof cents === 'number' ? formatCompactDollars(cents) : '')}
        />
      </Bar>
    </BarChart>
  );
}
