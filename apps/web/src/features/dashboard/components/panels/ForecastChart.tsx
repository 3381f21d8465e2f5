import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompactDollars, formatDollars } from '../../../../lib/money/money';
import type { AssetRefreshRow } from '../../api/report-types';
import { useChartColors } from '../charts/chart-colors';
import { axisStyle, lineStyle, periodInterval, STILL } from '../charts/chart-parts';
import { useChartSize } from '../charts/chart-size';
import { SeriesLegend } from '../charts/SeriesLegend';
import { formatCount } from '../report-words';

/** Replacement cost per fiscal year as bars, the number of assets as a dashed line on the right axis. */
export function ForecastChart({ rows, height }: { rows: AssetRefreshRow[]; height: number }) {
  const colors = useChartColors();
  const size = useChartSize(height);
  const axis = axisStyle(colors.axis);
  return (
    <>
      <ComposedChart {...size} data={rows} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis dataKey="period" {...axis} interval={periodInterval(rows.length)} />
        <YAxis yAxisId="cost" {...axis} tickFormatter={(cents: number) => formatCompactDollars(cents)} width={64} />
        <YAxis yAxisId="count" orientation="right" {...axis} allowDecimals={false} width={48} />
        <Tooltip
          formatter={(value, _name, item) =>
            typeof value !== 'number' ? value : item.dataKey === 'assetCount' ? formatCount(value) : formatDollars(value)
          }
        />
        <Bar yAxisId="cost" dataKey="replacementCostCents" name="Replacement cost" fill={colors.single.color} {...STILL} />
        <Line yAxisId="count" dataKey="assetCount" name="Assets due (right axis)" {...lineStyle(colors.overlay)} />
      </ComposedChart>
      <SeriesLegend
        color={colors.axis}
        items={[
          { label: 'Replacement cost', kind: 'bar', look: colors.single, patternId: '' },
          { label: 'Assets due (right axis)', kind: 'line', look: colors.overlay },
        ]}
      />
    </>
  );
}
