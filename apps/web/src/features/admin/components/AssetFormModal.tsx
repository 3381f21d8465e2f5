import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../../lib/api/api-error';
import type { Asset } from '../../../lib/api/api-types';
import { fieldErrorsFrom } from '../../../lib/form-errors';
import { departmentListQueryOptions } from '../api/admin.queries';
import { useCreateAsset, useUpdateAsset } from '../hooks/use-admin-mutations';
import { ASSET_STATUS_OPTIONS, ASSET_TYPE_OPTIONS } from './asset-words';

interface AssetFormModalProps {
  asset: Asset | null;
  opened: boolean;
  onClose: () => void;
}

export function AssetFormModal({ asset, opened, onClose }: AssetFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={asset ? `Edit ${asset.tag}` : 'New asset'} size="lg">
      {opened ? <AssetForm key={asset?.id ?? 'new'} asset={asset} onDone={onClose} /> : null}
    </Modal>
  );
}

interface AssetValues {
  tag: string;
  name: string;
  type: string | null;
  departmentId: string | null;
  status: string;
  location: string;
  serial: string;
  purchaseDate: string;
  /** Dollars as typed; sent as integer cents. */
  cost: number | string;
  warrantyEnd: string;
  lifecycleYears: number | string;
}

function AssetForm({ asset, onDone }: { asset: Asset | null; onDone: () => void }) {
  const departments = useQuery(departmentListQueryOptions());
  const createAsset = useCreateAsset();
  const updateAsset = useUpdateAsset();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AssetValues>({
    initialValues: {
      tag: asset?.tag ?? '',
      name: asset?.name ?? '',
      type: asset?.type ?? null,
      departmentId: asset?.department.id ?? null,
      status: asset?.status ?? 'in_service',
      location: asset?.location ?? '',
      serial: asset?.serial ?? '',
      purchaseDate: asset?.purchaseDate ?? '',
      cost: asset?.costCents != null ? asset.costCents / 100 : '',
      warrantyEnd: asset?.warrantyEnd ?? '',
      lifecycleYears: asset?.lifecycleYears ?? '',
    },
    validate: {
      tag: (value) => isNotEmpty('Enter the inventory tag')(value.trim()),
      name: (value) => isNotEmpty('Enter a name')(value.trim()),
      type: isNotEmpty('Choose a type'),
      departmentId: isNotEmpty('Choose the owning department'),
    },
  });

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'asset_tag_taken') {
      form.setFieldError('tag', error.message);
      return;
    }
    form.setErrors(fieldErrorsFrom(error));
    setFormError(errorMessage(error));
  };
  const onSaved = (saved: Asset) => {
    notifications.show({ color: 'green', message: `${saved.tag} was saved.` });
    onDone();
  };

  const handleSubmit = form.onSubmit((values) => {
    const type = ASSET_TYPE_OPTIONS.find((o) => o.value === values.type)?.value;
    const status = ASSET_STATUS_OPTIONS.find((o) => o.value === values.status)?.value;
    if (!type || !values.departmentId) return;
    setFormError(null);
    const input = {
      tag: values.tag.trim(),
      name: values.name.trim(),
      type,
      departmentId: values.departmentId,
      location: values.location.trim() || null,
      serial: values.serial.trim() || null,
      purchaseDate: values.purchaseDate || null,
      costCents: typeof values.cost === 'number' ? Math.round(values.cost * 100) : null,
      warrantyEnd: values.warrantyEnd || null,
      ...(status ? { status } : {}),
      // Left empty, the API uses the type's usual refresh cycle.
      ...(typeof values.lifecycleYears === 'number' ? { lifecycleYears: values.lifecycleYears } : {}),
    };
    if (asset) updateAsset.mutate({ id: asset.id, changes: input }, { onSuccess: onSaved, onError });
    else createAsset.mutate(input, { onSuccess: onSaved, onError });
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        {formError ? (
          <Alert color="red" variant="light" title="Could not save the asset">
            {formError}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Tag" required autoComplete="off" {...form.getInputProps('tag')} />
          <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
          <Select label="Type" required data={ASSET_TYPE_OPTIONS} searchable {...form.getInputProps('type')} />
          <Select
            label="Department"
            required
            data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            searchable
            {...form.getInputProps('departmentId')}
          />
          <Select label="Status" data={ASSET_STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps('status')} />
          <TextInput label="Location" {...form.getInputProps('location')} />
          <TextInput label="Serial number" {...form.getInputProps('serial')} />
          <TextInput label="Purchase date" type="date" {...form.getInputProps('purchaseDate')} />
          <NumberInput label="Cost" prefix="$" min={0} decimalScale={2} thousandSeparator="," {...form.getInputProps('cost')} />
          <TextInput label="Warranty end" type="date" {...form.getInputProps('warrantyEnd')} />
          <NumberInput
            label="Lifecycle (years)"
            description="Empty: the type’s usual refresh cycle"
            min={1}
            max={50}
            allowDecimal={false}
            {...form.getInputProps('lifecycleYears')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createAsset.isPending || updateAsset.isPending}>
            {asset ? 'Save' : 'Create asset'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
