import { Badge } from '@mantine/core';

export function ActiveBadge({ active }: { active: boolean }) {
  return active ? (
    <Badge color="green" variant="light">
      Active
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      Inactive
    </Badge>
  );
}

/** Marks the records CivicDesk itself relies on (e.g. the phishing category), which cannot be deleted. */
export function BuiltInBadge({ systemKey }: { systemKey: string | null }) {
  return systemKey ? (
    <Badge ml="xs" size="xs" variant="outline" color="gray">
      Built-in
    </Badge>
  ) : null;
}
