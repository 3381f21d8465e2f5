import { Button, Center, Container, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { ErrorAlert } from '../components/ui/ErrorAlert';

/** Last resort for errors thrown while rendering a route, including a failed lazy chunk after a deploy. */
export function RouteErrorPage() {
  const error = useRouteError();
  return (
    <Center mih="60vh">
      <Container size="xs">
        <Stack>
          <ErrorAlert title="This page failed to load" error={error} />
          <Button variant="default" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        </Stack>
      </Container>
    </Center>
  );
}
