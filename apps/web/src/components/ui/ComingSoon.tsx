import { EmptyState } from '@mantine/core';
import { PageHeader } from './PageHeader';

interface ComingSoonProps {
  title: string;
  description: string;
}

/** Stand-in for screens that later releases fill in. */
export function ComingSoon({ title, description }: ComingSoonProps) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState mt="xl" withIndicatorBackground title="Coming in a later release" description={description} />
    </>
  );
}
