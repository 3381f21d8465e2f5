import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageLoader } from '../../../components/ui/FullPageLoader';
import { PageHeader } from '../../../components/ui/PageHeader';
import { Panel } from '../../../components/ui/Panel';
import type { AssetLifecycleYears, Settings } from '../../../lib/api/api-types';
import { ASSET_TYPE_OPTIONS } from '../../../lib/assets/asset-vocabulary';
import { useFormFailure } from '../../../lib/forms/use-form-failure';
import { wholeNumberIn } from '../../../lib/forms/whole-number';
import { settingsQueryOptions } from '../api/settings.queries';
import { useUpdateSettings } from '../hooks/use-settings-mutations';
import { LIFECYCLE_YEARS_MAX, LIFECYCLE_YEARS_MIN, LifecycleYearsInput } from './LifecycleYearsInput';

const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });
const MONTH_OPTIONS = Array.from({ length: 12 }, (_, index) => ({
  value: String(index + 1),
  label: monthName.format(new Date(Date.UTC(2000, index, 1))),
}));

export function SettingsPage() {
  const settings = useQuery(settingsQueryOptions());
  return (
    <>
      <PageHeader title="Settings" description="How CivicDesk behaves for the whole city." />
      {settings.isPending ? (
        <FullPageLoader label="Loading the settings" />
      ) : settings.isError ? (
        <ErrorAlert title="Could not load the settings" error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </>
  );
}

interface SettingsValues {
  autoCloseResolvedAfterDays: number | string;
  fiscalYearStartMonth: string;
  assetLifecycleYears: Record<keyof AssetLifecycleYears, number | string>;
}

const whole = (min: number, max: number, message: string) => (value: number | string) =>
  wholeNumberIn(value, min, max) === null ? message : null;

function SettingsForm({ settings }: { settings: Settings }) {
  const form = useForm<SettingsValues>({
    initialValues: {
      autoCloseResolvedAfterDays: settings.autoCloseResolvedAfterDays,
      fiscalYearStartMonth: String(settings.fiscalYearStartMonth),
      assetLifecycleYears: settings.assetLifecycleYears,
    },
    validate: {
      autoCloseResolvedAfterDays: whole(1, 90, 'Whole days, from 1 to 90'),
      assetLifecycleYears: Object.fromEntries(
        ASSET_TYPE_OPTIONS.map(({ value }) => [
          value,
          whole(LIFECYCLE_YEARS_MIN, LIFECYCLE_YEARS_MAX, `Whole years, from ${LIFECYCLE_YEARS_MIN} to ${LIFECYCLE_YEARS_MAX}`),
        ]),
      ) as Record<keyof AssetLifecycleYears, ReturnType<typeof whole>>,
    },
  });
  const update = useUpdateSettings();
  const failure = useFormFailure(form);

  const handleSubmit = form.onSubmit((values) => {
    failure.clear();
    update.mutate(
      {
        autoCloseResolvedAfterDays: Number(values.autoCloseResolvedAfterDays),
        fiscalYearStartMonth: Number(values.fiscalYearStartMonth),
        assetLifecycleYears: Object.fromEntries(
          Object.entries(values.assetLifecycleYears).map(([type, years]) => [type, Number(years)]),
        ),
      },
      {
        onSuccess: () => notifications.show({ color: 'green', message: 'The settings were saved.' }),
        onError: failure.onError,
      },
    );
  });

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Settings">
      <Stack gap="md">
        {failure.error ? (
          <Alert color="red" variant="light" title="Could not save the settings">
            {failure.error}
          </Alert>
        ) : null}
        <Panel title="Tickets and reports">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Close resolved tickets after (days)"
              description="Unless the requester replies or reopens first"
              min={1}
              max={90}
              allowDecimal={false}
              {...form.getInputProps('autoCloseResolvedAfterDays')}
            />
            <Select
              label="Fiscal year starts in"
              data={MONTH_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('fiscalYearStartMonth')}
            />
          </SimpleGrid>
        </Panel>
        <Panel title="Asset replacement cycles">
          <Text size="sm" c="dimmed" mb="sm">
            The years a new asset of each type is kept before it is due for replacement, unless its own cycle is given. Assets
            already recorded keep theirs.
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} aria-label="Replacement cycle in years, per asset type" role="group">
            {ASSET_TYPE_OPTIONS.map(({ value, label }) => (
              <LifecycleYearsInput key={value} label={label} {...form.getInputProps(`assetLifecycleYears.${value}`)} />
            ))}
          </SimpleGrid>
        </Panel>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
