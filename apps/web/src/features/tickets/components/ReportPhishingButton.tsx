import { Alert, Anchor, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api/api-error';
import { ticketPath } from '../../../lib/tickets/ticket-paths';
import { useReportPhishing } from '../hooks/use-ticket-mutations';

/** The one-click way to tell IT security about a suspicious e-mail, message or call. */
export function ReportPhishingButton() {
  const [opened, modal] = useDisclosure(false);
  const [note, setNote] = useState('');
  const report = useReportPhishing();

  const close = () => {
    modal.close();
    setNote('');
    report.reset();
  };

  return (
    <>
      <Button color="red" size="md" onClick={modal.open}>
        Report phishing
      </Button>
      <Modal opened={opened} onClose={close} title="Report phishing">
        {report.data ? (
          <Stack gap="sm">
            <Alert color="green" variant="light" title="Thank you — the security team has it">
              <Text size="sm">
                Your report is ticket{' '}
                <Anchor component={Link} to={ticketPath(report.data.number)} onClick={close} fw={700}>
                  {report.data.number}
                </Anchor>
                . Don’t click links or open attachments in the message, and don’t reply to it.
              </Text>
            </Alert>
            <Group justify="flex-end">
              <Button onClick={close}>Close</Button>
            </Group>
          </Stack>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const description = note.trim();
              report.mutate(description ? { description } : {});
            }}
          >
            <Stack gap="sm">
              <Text size="sm">
                Got a suspicious e-mail, text or call? Send this report and the security team will look at it. You don’t need to
                forward anything.
              </Text>
              {report.error ? (
                <Alert color="red" variant="light" title="Could not send the report">
                  {errorMessage(report.error)}
                </Alert>
              ) : null}
              <Textarea
                label="Anything to add? (optional)"
                placeholder="For example: who it came from, what it asked for, whether you clicked a link"
                autosize
                minRows={3}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button type="submit" color="red" loading={report.isPending}>
                  Send report
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
