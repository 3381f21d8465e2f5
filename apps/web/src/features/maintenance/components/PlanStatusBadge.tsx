import { Badge } from '@mantine/core';

/** Said in words, not only in colour. */
export function PlanStatusBadge({ active }: { active: boolean }) {
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light">
      {active ? 'Active' : 'Paused'}
    </Badge>
  );
}
