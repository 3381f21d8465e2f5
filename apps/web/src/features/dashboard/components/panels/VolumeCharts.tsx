import { Bar, BarChart, CartesianGrid, ComposedChart, LabelList, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { BacklogAge } from '../../api/report-types';
import { BarTextures, barFill } from '../charts/BarTextures';
import { useChartColors } from '../charts/chart-colors';
import { axisStyle, lineStyle, periodInterval, STILL, useSvgIdPrefix } from '../charts/chart-parts';
import { useChartSize } from '../charts/chart-size';
import { SeriesLegend } from '../charts/SeriesLegend';
import { formatCount } from '../report-words';
import { VOLUME_CHART_HEIGHT, type VolumePeriod } from './volume-figures';

const countTooltip = (value: unknown) => (typeof value === 'number' ? formatCount(value) : String(value));

/** Created (solid) and resolved (hatched) bars per period, the backlog at each period end as a dashed line. */
export function VolumeChart({ periods }: { periods: VolumePeriod[] }) {
  const colors = useChartColors();
  const ids = useSvgIdPrefix();
  const size = useChartSize(VOLUME_CHART_HEIGHT);
  const axis = axisStyle(colors.axis);
  const [createdLook, resolvedLook] = colors.pair;
  return (
    <>
      <ComposedChart {...size} data={periods} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
        <BarTextures looks={[{ id: `${ids}-resolved`, look: resolvedLook }]} />
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis dataKey="label" {...axis} interval={periodInterval(periods.length)} />
        <YAxis {...axis} tickFormatter={(value: number) => formatCount(value)} width={56} />
        <Tooltip formatter={countTooltip} />
        <Bar dataKey="created" name="Created" fill={createdLook.color} {...STILL} />
        <Bar
          dataKey="resolved"
          name="Resolved"
          fill={barFill(resolvedLook, `${ids}-resolved`)}
          stroke={resolvedLook.color}
          {...STILL}
        />
        <Line dataKey="openAtEnd" name="Open at period end" {...lineStyle(colors.overlay)} />
      </ComposedChart>
      <SeriesLegend
        color={colors.axis}
        items={[
          { label: 'Created', kind: 'bar', look: createdLook, patternId: '' },
          { label: 'Resolved', kind: 'bar', look: resolvedLook, patternId: `${ids}-resolved` },
          { label: 'Open at period end', kind: 'line', look: colors.overlay },
        ]}
      />
    </>
  );
}

/** Open tickets per age bucket, each bar labelled with its count. */
export function BacklogAgeChart({ ages }: { ages: BacklogAge[] }) {
  const colors = useChartColors();
  const size = useChartSize(VOLUME_CHART_HEIGHT);
  const axis = axisStyle(colors.axis);
  return (
    <BarChart {...size} data={ages} accessibilityLayer={false} margin={{ top: 20, right: 12, bottom: 0, left: 8 }}>
      <CartesianGrid stroke={colors.grid} vertical={false} />
      <XAxis dataKey="label" {...axis} />
      <YAxis {...axis} tickFormatter={(value: number) => formatCount(value)} width={56} allowDecimals={false} />
      <Tooltip formatter={countTooltip} />
      <Bar dataKey="count" name="Open tickets" fill={colors.single.color} {...STILL}>
        <LabelList dataKey="count" position="top" fill={colors.axis} fontSize={12} />
      </Bar>
    </BarChart>
  );
}
