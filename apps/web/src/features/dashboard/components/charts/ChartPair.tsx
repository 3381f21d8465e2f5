import { SimpleGrid, Stack } from '@mantine/core';
import { useContext, type ReactNode } from 'react';
import { ChartWidthContext } from './chart-size';

/** Two charts side by side on a wide screen; one under the other on a narrow one and on paper. */
export function ChartPair({ children }: { children: ReactNode }) {
  const fixedWidth = useContext(ChartWidthContext);
  return fixedWidth === null ? <SimpleGrid cols={{ base: 1, md: 2 }}>{children}</SimpleGrid> : <Stack gap="lg">{children}</Stack>;
}
