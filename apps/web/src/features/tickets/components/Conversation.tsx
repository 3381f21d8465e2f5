import { Alert, Badge, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { errorMessage } from '../../../lib/api/api-error';
import type { TicketComment, TicketDetail } from '../../../lib/api/api-types';
import { formatDateTime } from '../../../lib/time/format-date';
import { ticketCommentsQueryOptions } from '../api/tickets.queries';
import { useAddComment } from '../hooks/use-ticket-mutations';

export const INTERNAL_NOTE_LABEL = 'Internal — not visible to the requester';

/** The ticket's thread. Requesters get only public comments from the API; staff also see internal notes. */
export function Conversation({ ticket }: { ticket: TicketDetail }) {
  // Replies from the other side show up without a reload.
  const comments = useQuery({ ...ticketCommentsQueryOptions(ticket.id), refetchInterval: 30_000 });
  return (
    <Stack gap="sm" component="section" aria-labelledby="ticket-conversation">
      <Title order={3} size="h4" id="ticket-conversation">
        Conversation
      </Title>
      {comments.isPending ? (
        <Loader size="sm" aria-label="Loading the conversation" />
      ) : comments.isError ? (
        <ErrorAlert title="Could not load the conversation" error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          No replies yet.
        </Text>
      ) : (
        <Stack gap="xs" role="list" aria-label="Comments">
          {comments.data.map((comment) => (
            <CommentItem key={comment.id} comment={comment} />
          ))}
        </Stack>
      )}
      <CommentComposer ticket={ticket} />
    </Stack>
  );
}

function CommentItem({ comment }: { comment: TicketComment }) {
  return (
    <Paper
      withBorder
      p="sm"
      role="listitem"
      aria-label={comment.internal ? `Internal note by ${comment.author.name}` : `Reply by ${comment.author.name}`}
      bg={comment.internal ? 'yellow.0' : undefined}
      style={comment.internal ? { borderColor: 'var(--mantine-color-yellow-5)', borderStyle: 'dashed' } : undefined}
    >
      <Group justify="space-between" gap="xs" mb={4}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {comment.author.name}
          </Text>
          {comment.author.staff ? (
            <Badge size="xs" variant="light">
              IT staff
            </Badge>
          ) : null}
          {comment.internal ? (
            <Badge size="xs" color="yellow" variant="filled" style={{ textTransform: 'none' }}>
              {INTERNAL_NOTE_LABEL}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(comment.createdAt)}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {comment.body}
      </Text>
    </Paper>
  );
}

type CommentMode = 'public' | 'internal';

function CommentComposer({ ticket }: { ticket: TicketDetail }) {
  const addComment = useAddComment(ticket);
  const [mode, setMode] = useState<CommentMode>('public');
  const [body, setBody] = useState('');
  const [emptyError, setEmptyError] = useState<string | null>(null);
  const canNote = ticket.can.commentInternal;
  const internal = canNote && mode === 'internal';
  const closed = ticket.status === 'closed' || ticket.status === 'canceled';

  if (closed && !ticket.can.work) {
    return (
      <Text size="sm" c="dimmed">
        This ticket is {ticket.status}. If the problem is back, use Get help to file a new ticket.
      </Text>
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const text = body.trim();
        if (!text) {
          setEmptyError(internal ? 'Write the note first' : 'Write your reply first');
          return;
        }
        setEmptyError(null);
        addComment.mutate({ body: text, internal }, { onSuccess: () => setBody('') });
      }}
    >
      <Paper withBorder p="sm" bg={internal ? 'yellow.0' : undefined}>
        <Stack gap="xs">
          {canNote ? (
            <SegmentedControl
              aria-label="Comment type"
              value={mode}
              onChange={(value) => setMode(value === 'internal' ? 'internal' : 'public')}
              data={[
                { value: 'public', label: 'Public reply' },
                { value: 'internal', label: 'Internal note' },
              ]}
              color={internal ? 'yellow' : 'blue'}
              w="fit-content"
            />
          ) : null}
          {addComment.error ? (
            <Alert color="red" variant="light" title="Could not send">
              {errorMessage(addComment.error)}
            </Alert>
          ) : null}
          <Textarea
            label={internal ? 'Internal note' : canNote ? 'Reply to the requester' : 'Your reply'}
            description={internal ? INTERNAL_NOTE_LABEL : canNote ? 'The requester sees this reply.' : undefined}
            autosize
            minRows={3}
            value={body}
            error={emptyError}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button type="submit" color={internal ? 'yellow' : 'blue'} loading={addComment.isPending}>
              {internal ? 'Add internal note' : 'Send reply'}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
