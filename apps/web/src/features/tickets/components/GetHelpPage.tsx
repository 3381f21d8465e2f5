import { Alert, Button, Group, Paper, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { hasLength, isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useCurrentUser } from '../../../lib/session/current-user';
import { errorMessage } from '../../../lib/api/api-error';
import type { CreateTicketInput, Impact, Urgency } from '../../../lib/api/api-types';
import { fieldErrorsFrom } from '../../../lib/form-errors';
import { categoryListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { ticketPath } from '../../../lib/tickets/ticket-paths';
import { IMPACTS, impactPlainWords, URGENCIES, urgencyPlainWords } from '../../../lib/tickets/ticket-vocabulary';
import { useCreateTicket } from '../hooks/use-ticket-mutations';
import { AssetPicker, type PickedAsset } from './AssetPicker';
import { ReportPhishingButton } from './ReportPhishingButton';

const TITLE_MAX = 200;

interface GetHelpValues {
  categoryId: string | null;
  title: string;
  description: string;
  asset: PickedAsset | null;
  impact: Impact | '';
  urgency: Urgency | '';
}

function isImpact(value: string): value is Impact {
  return (IMPACTS as readonly string[]).includes(value);
}

function isUrgency(value: string): value is Urgency {
  return (URGENCIES as readonly string[]).includes(value);
}

export function GetHelpPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const categories = useQuery(categoryListQueryOptions());
  const createTicket = useCreateTicket();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<GetHelpValues>({
    initialValues: { categoryId: null, title: '', description: '', asset: null, impact: '', urgency: '' },
    validate: {
      title: (value) =>
        isNotEmpty('Say in a few words what is wrong')(value.trim()) ??
        hasLength({ max: TITLE_MAX }, `Keep it under ${TITLE_MAX} characters`)(value),
      impact: (value) => (isImpact(value) ? null : 'Choose who is affected'),
      urgency: (value) => (isUrgency(value) ? null : 'Choose how much it stops your work'),
    },
  });

  const handleSubmit = form.onSubmit((values) => {
    if (!isImpact(values.impact) || !isUrgency(values.urgency)) return;
    setFormError(null);
    const category = categories.data?.find((c) => c.id === values.categoryId);
    const kind = category?.defaultKind;
    const description = values.description.trim();
    const input: CreateTicketInput = {
      title: values.title.trim(),
      impact: values.impact,
      urgency: values.urgency,
      ...(description ? { description } : {}),
      ...(values.categoryId ? { categoryId: values.categoryId } : {}),
      ...(values.asset ? { assetId: values.asset.id } : {}),
      // The category knows whether this is usually a request rather than a fault.
      ...(kind === 'incident' || kind === 'service_request' ? { kind } : {}),
    };
    createTicket.mutate(input, {
      onSuccess: (ticket) => {
        notifications.show({ color: 'green', message: `${ticket.number} was filed. We’ll keep you posted here.` });
        void navigate(ticketPath(ticket.number));
      },
      onError: (error) => {
        form.setErrors(fieldErrorsFrom(error));
        setFormError(errorMessage(error));
      },
    });
  });

  return (
    <>
      <PageHeader
        title="Get help"
        description="Tell IT what is wrong. It takes a minute; you can follow the ticket under My tickets."
        actions={<ReportPhishingButton />}
      />
      <Paper withBorder p="lg" maw={720}>
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="md">
            {formError ? (
              <Alert color="red" variant="light" title="Could not file the ticket">
                {formError}
              </Alert>
            ) : null}
            <TextInput
              label="What’s wrong?"
              placeholder="For example: my laptop won’t connect to the Wi-Fi"
              required
              maxLength={TITLE_MAX}
              autoFocus
              {...form.getInputProps('title')}
            />
            <Select
              label="What is it about?"
              placeholder={categories.isPending ? 'Loading…' : 'Choose a category (optional)'}
              data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              clearable
              searchable
              error={categories.isError ? 'Categories could not be loaded; you can file without one.' : undefined}
              {...form.getInputProps('categoryId')}
            />
            <Textarea
              label="Details"
              description="What were you doing, what did you see, any error message."
              autosize
              minRows={4}
              {...form.getInputProps('description')}
            />
            <AssetPicker
              label="Which device? (optional)"
              description={me.departmentName ? `Devices of ${me.departmentName}` : undefined}
              departmentId={me.departmentId}
              value={form.values.asset}
              onChange={(asset) => form.setFieldValue('asset', asset)}
            />
            <Radio.Group label="Who is affected?" required {...form.getInputProps('impact')}>
              <Stack mt="xs" gap="xs">
                {IMPACTS.map((impact) => (
                  <Radio key={impact} value={impact} label={impactPlainWords(impact)} />
                ))}
              </Stack>
            </Radio.Group>
            <Radio.Group label="How much does it stop your work?" required {...form.getInputProps('urgency')}>
              <Stack mt="xs" gap="xs">
                {URGENCIES.map((urgency) => (
                  <Radio key={urgency} value={urgency} label={urgencyPlainWords(urgency)} />
                ))}
              </Stack>
            </Radio.Group>
            <Group justify="flex-end">
              <Button type="submit" size="md" loading={createTicket.isPending}>
                Send to IT
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
