import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { PRIORITIES } from '../../../../lib/tickets/ticket-vocabulary';
import { useChartColors } from '../charts/chart-colors';
import { axisStyle, lineStyle, periodInterval } from '../charts/chart-parts';
import { useChartSize } from '../charts/chart-size';
import { SeriesLegend } from '../charts/SeriesLegend';
import { formatShare } from '../report-words';
import { COMPLIANCE_CHART_HEIGHT, type CompliancePeriod } from './compliance-figures';

/** The share of targets met per period, a line per priority, each with its own dashes and markers. */
export function ComplianceChart({ periods }: { periods: CompliancePeriod[] }) {
  const colors = useChartColors();
  const size = useChartSize(COMPLIANCE_CHART_HEIGHT);
  const axis = axisStyle(colors.axis);
  const data = periods.map((period) => ({
    label: period.label,
    ...Object.fromEntries(PRIORITIES.map((priority) => [priority, period[priority].rate])),
  }));
  return (
    <>
      <LineChart {...size} data={data} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis dataKey="label" {...axis} interval={periodInterval(data.length)} />
        <YAxis domain={[0, 1]} {...axis} tickFormatter={(share: number) => formatShare(share)} width={52} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? formatShare(value) : value)} />
        {PRIORITIES.map((priority) => {
          const look = colors.priority[priority];
          return <Line key={priority} dataKey={priority} name={priority} {...lineStyle(look)} connectNulls />;
        })}
      </LineChart>
      <SeriesLegend
        color={colors.axis}
        items={PRIORITIES.map((priority) => ({ label: priority, kind: 'line' as const, look: colors.priority[priority] }))}
      />
    </>
  );
}
