import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartColors, type LineLook } from '../charts/chart-colors';
import { axisStyle, lineStyle, periodInterval } from '../charts/chart-parts';
import { useChartSize } from '../charts/chart-size';
import { SeriesLegend } from '../charts/SeriesLegend';
import {
  axisTime,
  MEASURE_WORDS,
  TIMES_CHART_HEIGHT,
  timeFormatter,
  timeTicks,
  type Measure,
  type TimeUnit,
  type TimesFigures,
} from './times-figures';

interface TimesChartProps {
  rows: TimesFigures[];
  measure: Measure;
  unit: TimeUnit;
}

/** One measure's median (solid, circles) and p90 (dashed, squares) per period. */
export function TimesChart({ rows, measure, unit }: TimesChartProps) {
  const colors = useChartColors();
  const size = useChartSize(TIMES_CHART_HEIGHT);
  const axis = axisStyle(colors.axis);
  const format = timeFormatter(unit);
  const words = MEASURE_WORDS[measure];
  const lines: { key: keyof TimesFigures; name: string; look: LineLook }[] = [
    { key: `${measure}Median`, name: 'median', look: colors.median },
    { key: `${measure}P90`, name: '90th percentile', look: colors.p90 },
  ];
  const ticks = timeTicks(Math.max(0, ...rows.map((row) => row[`${measure}P90`] ?? row[`${measure}Median`] ?? 0)));
  return (
    <>
      <LineChart {...size} data={rows} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis dataKey="label" {...axis} interval={periodInterval(rows.length)} />
        <YAxis {...axis} ticks={ticks} domain={[0, ticks.at(-1) ?? 'auto']} tickFormatter={axisTime} width={56} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? format(value) : value)} />
        {lines.map(({ key, name, look }) => (
          <Line key={key} dataKey={key} name={`${words}: ${name}`} {...lineStyle(look)} connectNulls />
        ))}
      </LineChart>
      <SeriesLegend
        color={colors.axis}
        items={lines.map(({ name, look }) => ({ label: `${words}: ${name}`, kind: 'line' as const, look }))}
      />
    </>
  );
}
