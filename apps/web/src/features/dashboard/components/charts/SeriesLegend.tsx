import { Group, Text } from '@mantine/core';
import { Symbols } from 'recharts';
import { barFill } from './BarTextures';
import type { BarLook, LineLook } from './chart-colors';

/** One series as the legend names it: a bar's texture, or a line's dashes and marker. */
export type LegendItem = { label: string } & (
  { kind: 'bar'; look: BarLook; patternId: string } | { kind: 'line'; look: LineLook }
);

function Swatch({ item }: { item: LegendItem }) {
  if (item.kind === 'bar') {
    return (
      <svg width={14} height={14} aria-hidden="true">
        <rect x={0.5} y={0.5} width={13} height={13} fill={barFill(item.look, item.patternId)} stroke={item.look.color} />
      </svg>
    );
  }
  return (
    <svg width={30} height={14} aria-hidden="true">
      <line x1={1} y1={7} x2={29} y2={7} stroke={item.look.color} strokeWidth={2} strokeDasharray={item.look.dash} />
      <Symbols type={item.look.symbol} cx={15} cy={7} size={9} sizeType="diameter" fill={item.look.color} />
    </svg>
  );
}

/**
 * A chart's legend in the page rather than in the chart: each series' texture or line and marker
 * beside its name, in drawing order. (Recharts' own legend measures itself and draws the chart
 * twice; with a dozen charts on a page that doubled their cost.)
 */
export function SeriesLegend({ items, color }: { items: readonly LegendItem[]; color: string }) {
  return (
    <Group component="ul" gap="md" justify="center" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <Group component="li" key={item.label} gap={6} wrap="nowrap">
          <Swatch item={item} />
          <Text size="sm" c={color} span>
            {item.label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
