import { useMantineTheme } from '@mantine/core';
import type { Priority, WorkClass } from '../../../../lib/api/api-types';

/** A series' look: a colour (shade 8 or darker: at least 3:1 against white) and what tells it apart without colour. */
export interface LineLook {
  color: string;
  /** SVG stroke-dasharray; none for a solid line. */
  dash?: string;
  /** The marker at each point, also shown in the legend. */
  symbol: 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'cross' | 'wye';
}

/** Fills for bars: each series its own texture as well as its own colour. */
export type Texture = 'solid' | 'hatch' | 'dots' | 'crosshatch';

export interface BarLook {
  color: string;
  texture: Texture;
}

/** The chart palette, from the app's Mantine theme. */
export function useChartColors() {
  const { colors } = useMantineTheme();
  const workClass: Record<WorkClass, BarLook> = {
    reactive: { color: colors.red[8], texture: 'solid' },
    service: { color: colors.blue[8], texture: 'hatch' },
    proactive: { color: colors.teal[9], texture: 'dots' },
  };
  const priority: Record<Priority, LineLook> = {
    P1: { color: colors.red[8], symbol: 'triangle' },
    P2: { color: colors.orange[9], dash: '8 4', symbol: 'square' },
    P3: { color: colors.blue[8], dash: '2 3', symbol: 'circle' },
    P4: { color: colors.gray[7], dash: '10 3 2 3', symbol: 'diamond' },
  };
  return {
    workClass,
    priority,
    /** Two figures compared: one solid, one textured. */
    pair: [
      { color: colors.blue[8], texture: 'solid' },
      { color: colors.orange[9], texture: 'hatch' },
    ] as const satisfies readonly BarLook[],
    /** A median (solid, circles) and its p90 (dashed, squares). */
    median: { color: colors.blue[8], symbol: 'circle' } satisfies LineLook,
    p90: { color: colors.grape[9], dash: '6 4', symbol: 'square' } satisfies LineLook,
    /** Proactive spend (solid, circles) against reactive cost (dashed, triangles) over time. */
    proactiveLine: { color: colors.teal[9], symbol: 'circle' } satisfies LineLook,
    reactiveLine: { color: colors.red[8], dash: '6 4', symbol: 'triangle' } satisfies LineLook,
    /** A figure drawn over bars: a dark dashed line with diamonds. */
    overlay: { color: colors.dark[6], dash: '5 3', symbol: 'diamond' } satisfies LineLook,
    single: { color: colors.blue[8], texture: 'solid' } satisfies BarLook,
    grid: colors.gray[3],
    axis: colors.gray[7],
  };
}
