import { Button, EmptyState } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <EmptyState mt="xl" title="Page not found" description="There is nothing at this address.">
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          Go to the start page
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
