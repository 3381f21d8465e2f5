import { Alert, Button, Group, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

interface DialogFormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Why the last save failed, shown above the fields; null when it did not. */
  error: string | null;
  /** "Could not save the user" */
  errorTitle: string;
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
  /** Shown first, before the error and the fields. */
  intro?: ReactNode;
  /** A button at the other end of the Cancel/submit row (e.g. "Generate"). */
  extraAction?: ReactNode;
  /** The fields. */
  children: ReactNode;
}

/** The body of a form in a dialog: the failure, the fields, then Cancel and the submit button. */
export function DialogForm({
  onSubmit,
  error,
  errorTitle,
  submitLabel,
  submitting,
  onCancel,
  intro,
  extraAction,
  children,
}: DialogFormProps) {
  const buttons = (
    <>
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </>
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {intro}
        {error ? (
          <Alert color="red" variant="light" title={errorTitle}>
            {error}
          </Alert>
        ) : null}
        {children}
        {extraAction ? (
          <Group justify="space-between" mt="xs">
            {extraAction}
            <Group gap="xs">{buttons}</Group>
          </Group>
        ) : (
          <Group justify="flex-end" mt="xs">
            {buttons}
          </Group>
        )}
      </Stack>
    </form>
  );
}
