import { SimpleGrid, Text, type SimpleGridProps } from '@mantine/core';
import type { ReactNode } from 'react';

export type Fact = readonly [label: string, value: ReactNode];

interface FactListProps {
  /** The list's accessible name. */
  label: string;
  facts: readonly Fact[];
  cols?: SimpleGridProps['cols'];
  /** Totals and figures: the values larger and bold. */
  emphasis?: boolean;
}

/** Labelled values (a description list): a record's details, or a few totals. */
export function FactList({ label, facts, cols = { base: 1, sm: 2 }, emphasis = false }: FactListProps) {
  return (
    <SimpleGrid component="dl" aria-label={label} cols={cols} spacing="sm" verticalSpacing="xs" m={0}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" size="xs" c="dimmed">
            {term}
          </Text>
          <Text component="dd" size={emphasis ? 'lg' : 'sm'} fw={emphasis ? 600 : undefined} m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
