import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompactDollars, formatDollars } from '../../../../lib/money/money';
import { BarTextures, barFill } from '../charts/BarTextures';
import { useChartColors, type LineLook } from '../charts/chart-colors';
import { axisStyle, lineStyle, periodInterval, STILL, useSvgIdPrefix } from '../charts/chart-parts';
import { useChartSize } from '../charts/chart-size';
import { SeriesLegend } from '../charts/SeriesLegend';
import type { GroupTotals } from './prevention-figures';

/** Per department, proactive spend (dotted bars) beside reactive cost (solid bars). */
export function PreventionChart({ departments, height }: { departments: GroupTotals[]; height: number }) {
  const colors = useChartColors();
  const ids = useSvgIdPrefix();
  const size = useChartSize(height);
  const axis = axisStyle(colors.axis);
  const proactive = colors.workClass.proactive;
  const reactive = colors.workClass.reactive;
  return (
    <>
      <BarChart
        {...size}
        data={departments}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 0, right: 28, bottom: 0, left: 8 }}
      >
        <BarTextures looks={[{ id: `${ids}-proactive`, look: proactive }]} />
        <CartesianGrid stroke={colors.grid} horizontal={false} />
        <XAxis type="number" {...axis} tickFormatter={(cents: number) => formatCompactDollars(cents)} />
        <YAxis type="category" dataKey="name" {...axis} width={130} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? formatDollars(value) : value)} />
        <Bar
          dataKey="proactiveCents"
          name="Proactive spend"
          fill={barFill(proactive, `${ids}-proactive`)}
          stroke={proactive.color}
          {...STILL}
        />
        <Bar dataKey="reactiveCents" name="Reactive cost" fill={reactive.color} {...STILL} />
      </BarChart>
      <SeriesLegend
        color={colors.axis}
        items={[
          { label: 'Proactive spend', kind: 'bar', look: proactive, patternId: `${ids}-proactive` },
          { label: 'Reactive cost', kind: 'bar', look: reactive, patternId: '' },
        ]}
      />
    </>
  );
}

/** Per period, every department together: proactive spend against reactive cost. */
export function PreventionTrendChart({ periods, height }: { periods: GroupTotals[]; height: number }) {
  const colors = useChartColors();
  const size = useChartSize(height);
  const axis = axisStyle(colors.axis);
  const lines: { key: keyof GroupTotals; label: string; look: LineLook }[] = [
    { key: 'proactiveCents', label: 'Proactive spend', look: colors.proactiveLine },
    { key: 'reactiveCents', label: 'Reactive cost', look: colors.reactiveLine },
  ];
  return (
    <>
      <LineChart {...size} data={periods} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis dataKey="name" {...axis} interval={periodInterval(periods.length)} />
        <YAxis {...axis} tickFormatter={(cents: number) => formatCompactDollars(cents)} width={64} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? formatDollars(value) : value)} />
        {lines.map(({ key, label, look }) => (
          <Line key={key} dataKey={key} name={label} {...lineStyle(look)} />
        ))}
      </LineChart>
      <SeriesLegend color={colors.axis} items={lines.map(({ label, look }) => ({ label, kind: 'line' as const, look }))} />
    </>
  );
}
