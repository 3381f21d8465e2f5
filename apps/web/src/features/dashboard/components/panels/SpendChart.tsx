import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompactDollars, formatDollars } from '../../../../lib/money/money';
import { WORK_CLASSES, workClassLabel } from '../../../../lib/tickets/ticket-vocabulary';
import { BarTextures, barFill } from '../charts/BarTextures';
import { useChartColors } from '../charts/chart-colors';
import { axisStyle, lineStyle, periodInterval, STILL, useSvgIdPrefix } from '../charts/chart-parts';
import { useChartSize } from '../charts/chart-size';
import { SeriesLegend } from '../charts/SeriesLegend';
import { formatShare } from '../report-words';
import { SPEND_CHART_HEIGHT, type SpendPeriodFigures } from './spend-figures';

/** Spend per period stacked by work class (each its own texture), the proactive share as a dashed line. */
export function SpendChart({ periods }: { periods: SpendPeriodFigures[] }) {
  const colors = useChartColors();
  const ids = useSvgIdPrefix();
  const size = useChartSize(SPEND_CHART_HEIGHT);
  const axis = axisStyle(colors.axis);
  return (
    <>
      <ComposedChart {...size} data={periods} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <BarTextures
          looks={WORK_CLASSES.map((workClass) => ({ id: `${ids}-${workClass}`, look: colors.workClass[workClass] }))}
        />
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis dataKey="label" {...axis} interval={periodInterval(periods.length)} />
        <YAxis yAxisId="spend" {...axis} tickFormatter={(cents: number) => formatCompactDollars(cents)} width={64} />
        <YAxis
          yAxisId="share"
          orientation="right"
          domain={[0, 1]}
          {...axis}
          tickFormatter={(share: number) => formatShare(share)}
          width={48}
        />
        <Tooltip
          formatter={(value, _name, item) =>
            typeof value !== 'number' ? value : item.dataKey === 'proactiveShare' ? formatShare(value) : formatDollars(value)
          }
        />
        {WORK_CLASSES.map((workClass) => (
          <Bar
            key={workClass}
            yAxisId="spend"
            dataKey={workClass}
            name={workClassLabel(workClass)}
            stackId="spend"
            fill={barFill(colors.workClass[workClass], `${ids}-${workClass}`)}
            stroke={colors.workClass[workClass].color}
            {...STILL}
          />
        ))}
        <Line yAxisId="share" dataKey="proactiveShare" name="Proactive share" {...lineStyle(colors.overlay)} />
      </ComposedChart>
      <SeriesLegend
        color={colors.axis}
        items={[
          ...WORK_CLASSES.map((workClass) => ({
            label: workClassLabel(workClass),
            kind: 'bar' as const,
            look: colors.workClass[workClass],
            patternId: `${ids}-${workClass}`,
          })),
          { label: 'Proactive share (right axis)', kind: 'line', look: colors.overlay },
        ]}
      />
    </>
  );
}
