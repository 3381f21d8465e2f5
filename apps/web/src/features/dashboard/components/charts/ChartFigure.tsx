import { Box, Text } from '@mantine/core';
import { Suspense, useContext, useId, type ReactNode } from 'react';
import { useNearViewport } from '../../hooks/use-near-viewport';
import { ChartWidthContext } from './chart-size';

interface ChartFigureProps {
  /** What the chart shows, its accessible name: "Spend by month and work class". */
  label: string;
  /** The figures a reader takes from it, in words; shown under the chart and its accessible description. */
  summary: string;
  /** The chart's height, kept free while it waits to be scrolled near. */
  height: number;
  children: ReactNode;
}

/**
 * A chart as one image for assistive technology (named, described by its summary); the panel's
 * table view holds the same figures for reading one by one. The chart is drawn once it nears the
 * viewport (on paper, at once), once its code has loaded; its summary is there from the start.
 */
export function ChartFigure({ label, summary, height, children }: ChartFigureProps) {
  const summaryId = useId();
  const printed = useContext(ChartWidthContext) !== null;
  const [ref, near] = useNearViewport<HTMLDivElement>(printed);
  return (
    <Box component="figure" m={0}>
      <div ref={ref} role="img" aria-label={label} aria-describedby={summaryId} style={{ minHeight: height }}>
        {near ? <Suspense fallback={null}>{children}</Suspense> : null}
      </div>
      <Text component="figcaption" id={summaryId} size="sm" mt="xs">
        {summary}
      </Text>
    </Box>
  );
}
