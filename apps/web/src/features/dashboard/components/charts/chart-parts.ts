import { useId } from 'react';
import type { LineLook } from './chart-colors';

/** A prefix for the SVG ids of one chart (React's ids hold characters that url(#…) does not take). */
export function useSvgIdPrefix(): string {
  return `chart${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
}

/**
 * Axis ticks and lines in the theme's text grey, every tick shown. A fixed tick interval also
 * spares recharts measuring each label in the page (a forced layout per label).
 */
export function axisStyle(color: string) {
  return { stroke: color, tick: { fill: color, fontSize: 12 }, tickLine: { stroke: color }, interval: 0 };
}

/** The tick interval that labels about `labels` of `count` periods: every one, every other, … */
export function periodInterval(count: number, labels = 7): number {
  return Math.max(0, Math.ceil(count / labels) - 1);
}

/** Charts are drawn at once: no animation to wait for (or to print half-way through). */
export const STILL = { isAnimationActive: false } as const;

/** A line series drawn in its look: colour, dashes and a marker at each point; not animated. */
export function lineStyle(look: LineLook) {
  return {
    stroke: look.color,
    strokeDasharray: look.dash,
    strokeWidth: 2,
    dot: { symbol: look.symbol, r: 5, fill: look.color },
    ...STILL,
  };
}
