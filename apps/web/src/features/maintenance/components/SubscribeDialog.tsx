import { Alert, Button, CopyButton, Group, List, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FormModal } from '../../../components/ui/FormModal';
import { errorMessage } from '../../../lib/api/api-error';
import { queueListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { formatDateTime } from '../../../lib/time/format-date';
import { feedListQueryOptions } from '../api/maintenance.queries';
import type { CalendarFeed, CreatedCalendarFeed } from '../api/maintenance-types';
import { useCreateFeed, useRevokeFeed } from '../hooks/use-maintenance-mutations';

interface SubscribeDialogProps {
  opened: boolean;
  onClose: () => void;
}

/**
 * Subscription addresses for Outlook or Google Calendar. A new address is shown once, in this
 * opening of the dialog only: the API keeps just a hash of its key.
 */
export function SubscribeDialog({ opened, onClose }: SubscribeDialogProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title="Subscribe in your calendar app" size="lg">
      <Stack gap="md">
        <Text size="sm">
          Outlook, Google Calendar and Apple Calendar can show maintenance work next to your meetings. They fetch the address
          every few hours, so changes show up with some delay. Anyone who has the address can read the work it lists: keep it to
          yourself, and revoke it here if it leaks.
        </Text>
        <NewFeed />
        <FeedList />
      </Stack>
    </FormModal>
  );
}

const MINE = 'mine';

function NewFeed() {
  const queues = useQuery(queueListQueryOptions());
  const create = useCreateFeed();
  const [scope, setScope] = useState(MINE);
  const [queueId, setQueueId] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const missingQueue = scope !== MINE && !queueId;

  if (created) return <CreatedFeed feed={created} />;
  return (
    <Stack gap="sm">
      <Radio.Group label="Which work" value={scope} onChange={setScope}>
        <Stack gap="xs" mt={4}>
          <Radio value={MINE} label="The work assigned to me" />
          <Radio value="queue" label="A queue’s work" />
        </Stack>
      </Radio.Group>
      {scope !== MINE ? (
        <Select
          label="Queue"
          data={(queues.data ?? []).map((queue) => ({ value: queue.id, label: queue.name }))}
          value={queueId}
          onChange={setQueueId}
          searchable
        />
      ) : null}
      {create.error ? (
        <Alert color="red" variant="light" title="Could not create the address">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
      <Group>
        <Button
          disabled={missingQueue}
          loading={create.isPending}
          onClick={() => create.mutate(scope === MINE ? null : queueId, { onSuccess: setCreated })}
        >
          Create a subscription address
        </Button>
      </Group>
    </Stack>
  );
}

function CreatedFeed({ feed }: { feed: CreatedCalendarFeed }) {
  return (
    <Alert color="green" variant="light" title={`New subscription address: ${feedLabel(feed)}`}>
      <Stack gap="xs">
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label="Subscription address"
            value={feed.url}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            style={{ flex: 1 }}
          />
          <CopyButton value={feed.url}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" fw={500}>
          Copy it now: CivicDesk shows it only this once.
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>Outlook: Add calendar → Subscribe from web, then paste the address.</List.Item>
          <List.Item>Google Calendar: Other calendars → + → From URL, then paste the address.</List.Item>
        </List>
      </Stack>
    </Alert>
  );
}

function FeedList() {
  const feeds = useQuery(feedListQueryOptions());
  const revoke = useRevokeFeed();
  const active = (feeds.data ?? []).filter((feed) => feed.revokedAt === null);

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Your subscriptions
      </Title>
      {feeds.isError ? (
        <ErrorAlert title="Could not load your subscriptions" error={feeds.error} onRetry={() => void feeds.refetch()} />
      ) : active.length === 0 ? (
        <Text size="sm" c="dimmed">
          {feeds.isPending ? 'Loading…' : 'None yet.'}
        </Text>
      ) : (
        <List listStyleType="none" spacing="xs" aria-label="Your subscriptions">
          {active.map((feed) => (
            <List.Item key={feed.id}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {feedLabel(feed)}{' '}
                  <Text span size="xs" c="dimmed">
                    since {formatDateTime(feed.createdAt)}
                  </Text>
                </Text>
                <Button
                  size="compact-sm"
                  variant="default"
                  color="red"
                  aria-label={`Revoke ${feedLabel(feed)}, since ${formatDateTime(feed.createdAt)}`}
                  loading={revoke.isPending && revoke.variables === feed.id}
                  onClick={() =>
                    revoke.mutate(feed.id, {
                      onSuccess: () =>
                        notifications.show({
                          color: 'green',
                          message: 'The address was revoked: calendars using it stop updating.',
                        }),
                      onError: (error) =>
                        notifications.show({ color: 'red', title: 'Could not revoke the address', message: errorMessage(error) }),
                    })
                  }
                >
                  Revoke
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function feedLabel(feed: Pick<CalendarFeed, 'queue'>): string {
  return feed.queue ? `${feed.queue.name} queue` : 'Work assigned to me';
}
