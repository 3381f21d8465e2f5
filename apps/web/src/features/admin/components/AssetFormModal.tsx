import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import { MoneyInput } from '../../../components/ui/MoneyInput';
import type { Asset } from '../../../lib/api/api-types';
import { departmentListQueryOptions } from '../api/admin.queries';
import { useCreateAsset, useUpdateAsset } from '../hooks/use-admin-mutations';
import { errorOf } from '../../../lib/form-errors';
import { useSaveRecord } from '../../../lib/forms/use-save-record';
import { centsToDollarsText, dollarsToCents } from '../../../lib/money/money';
import { ASSET_STATUS_OPTIONS, ASSET_TYPE_OPTIONS } from '../../../lib/assets/asset-vocabulary';
import { LifecycleYearsInput } from './LifecycleYearsInput';
import { UserPicker, type PickedUser } from './UserPicker';

interface AssetFormModalProps {
  asset: Asset | null;
  opened: boolean;
  onClose: () => void;
}

export function AssetFormModal({ asset, opened, onClose }: AssetFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={asset ? `Edit ${asset.tag}` : 'New asset'} size="lg">
      <AssetForm key={asset?.id ?? 'new'} asset={asset} onDone={onClose} />
    </FormModal>
  );
}

interface AssetValues {
  tag: string;
  name: string;
  type: string | null;
  departmentId: string | null;
  status: string;
  assignedUser: PickedUser | null;
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
  const form = useForm<AssetValues>({
    initialValues: {
      tag: asset?.tag ?? '',
      name: asset?.name ?? '',
      type: asset?.type ?? null,
      departmentId: asset?.department.id ?? null,
      status: asset?.status ?? 'in_service',
      assignedUser: asset?.assignedUser ?? null,
      location: asset?.location ?? '',
      serial: asset?.serial ?? '',
      purchaseDate: asset?.purchaseDate ?? '',
      cost: asset?.costCents != null ? centsToDollarsText(asset.costCents) : '',
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
  const save = useSaveRecord({
    record: asset,
    createMutation: useCreateAsset(),
    updateMutation: useUpdateAsset(),
    form,
    fieldCodes: { asset_tag_taken: 'tag' },
    savedMessage: (saved) => `${saved.tag} was saved.`,
    onDone,
  });

  const handleSubmit = form.onSubmit((values) => {
    const type = ASSET_TYPE_OPTIONS.find((o) => o.value === values.type)?.value;
    const status = ASSET_STATUS_OPTIONS.find((o) => o.value === values.status)?.value;
    if (!type || !values.departmentId) return;
    const input = {
      tag: values.tag.trim(),
      name: values.name.trim(),
      type,
      departmentId: values.departmentId,
      location: values.location.trim() || null,
      serial: values.serial.trim() || null,
      purchaseDate: values.purchaseDate || null,
      costCents: dollarsToCents(values.cost),
      warrantyEnd: values.warrantyEnd || null,
      ...(status ? { status } : {}),
      // Left empty, the API uses the type's usual refresh cycle.
      ...(typeof values.lifecycleYears === 'number' ? { lifecycleYears: values.lifecycleYears } : {}),
    };
    const assignedUserId = values.assignedUser?.id ?? null;
    if (!asset) save.create({ ...input, assignedUserId });
    // Sent only when changed: the API refuses to (re)assign to a user who has since been deactivated.
    else save.update({ ...input, ...(assignedUserId !== (asset.assignedUser?.id ?? null) ? { assignedUserId } : {}) });
  });

  return (
    <DialogForm
      onSubmit={handleSubmit}
      error={save.error}
      errorTitle="Could not save the asset"
      submitLabel={asset ? 'Save' : 'Create asset'}
      submitting={save.saving}
      onCancel={onDone}
    >
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
        <UserPicker
          label="Assigned to"
          value={form.values.assignedUser}
          onChange={(user) => {
            form.setFieldValue('assignedUser', user);
            // The API names the field it refused by the id it was sent.
            form.clearFieldError('assignedUserId');
          }}
          error={errorOf(form.errors, 'assignedUserId')}
        />
        <TextInput label="Location" {...form.getInputProps('location')} />
        <TextInput label="Serial number" {...form.getInputProps('serial')} />
        <TextInput label="Purchase date" type="date" {...form.getInputProps('purchaseDate')} />
        <MoneyInput label="Cost" {...form.getInputProps('cost')} />
        <TextInput label="Warranty end" type="date" {...form.getInputProps('warrantyEnd')} />
        <LifecycleYearsInput
          label="Replacement cycle"
          description="Empty: the type’s usual refresh cycle"
          {...form.getInputProps('lifecycleYears')}
        />
      </SimpleGrid>
    </DialogForm>
  );
}
