import { Group, Paper, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface PanelProps {
  /** The section's heading, which also names it for screen readers. */
  title: string;
  /** Buttons beside the heading. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A bordered section of a page with its heading. */
export function Panel({ title, actions, children }: PanelProps) {
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5" id={headingId}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
