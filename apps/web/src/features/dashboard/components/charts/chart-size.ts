import { createContext, useContext, type CSSProperties } from 'react';

/**
 * How wide charts are drawn: the dashboard fills its panels (and follows their size); the printed
 * report draws at a fixed width that fits A4 and Letter pages, since a page has no resize event.
 */
export const ChartWidthContext = createContext<number | null>(null);

/** The width and height props of a recharts chart `height` pixels tall. */
export function useChartSize(height: number): { width: number; height: number } | { responsive: true; style: CSSProperties } {
  const width = useContext(ChartWidthContext);
  return width === null ? { responsive: true, style: { width: '100%', height } } : { width, height };
}
