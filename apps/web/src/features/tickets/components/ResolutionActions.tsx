import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api/api-error';
import type { TicketDetail } from '../../../lib/api/api-types';
import { useConfirmTicket, useReopenTicket } from '../hooks/use-ticket-mutations';

/** On a resolved ticket: the requester says it is fixed (closes it) or that it is not (reopens it). */
export function ResolutionActions({ ticket }: { ticket: TicketDetail }) {
  const confirm = useConfirmTicket(ticket);
  const reopen = useReopenTicket(ticket);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  if (ticket.status !== 'resolved' || (!ticket.can.confirm && !ticket.can.reopen)) return null;
  const error = confirm.error ?? reopen.error;

  return (
    <Alert color="green" variant="light" title="IT thinks this is fixed">
      <Stack gap="sm">
        <Text size="sm">Please confirm it works for you, or reopen the ticket if it doesn’t.</Text>
        {error ? (
          <Text size="sm" c="red.8">
            {errorMessage(error)}
          </Text>
        ) : null}
        {reopening ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              reopen.mutate(reason.trim(), { onSuccess: () => setReopening(false) });
            }}
          >
            <Stack gap="xs">
              <Textarea
                label="What is still wrong? (optional)"
                autosize
                minRows={2}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
              />
              <Group gap="xs">
                <Button type="submit" color="orange" loading={reopen.isPending}>
                  Reopen the ticket
                </Button>
                <Button variant="default" onClick={() => setReopening(false)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group gap="xs">
            {ticket.can.confirm ? (
              <Button color="green" onClick={() => confirm.mutate()} loading={confirm.isPending}>
                Confirm it’s fixed
              </Button>
            ) : null}
            {ticket.can.reopen ? (
              <Button variant="default" onClick={() => setReopening(true)}>
                Reopen
              </Button>
            ) : null}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
