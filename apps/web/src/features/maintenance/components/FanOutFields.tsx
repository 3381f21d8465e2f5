import { Group, List, Select, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { SearchSelect } from '../../../components/ui/SearchSelect';
import type { Asset, Department } from '../../../lib/api/api-types';
import { assetSearchQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { ASSET_TYPE_OPTIONS } from '../../../lib/assets/asset-vocabulary';
import { assetQueryOptions } from '../api/maintenance.queries';
import { FAN_OUT_OPTIONS } from './maintenance-words';
import type { PlanField, PlanValues, ScheduleValues } from './plan-form';

type AssetLabel = Pick<Asset, 'id' | 'tag' | 'name'>;

const assetLabel = (asset: AssetLabel) => `${asset.tag} · ${asset.name}`;

interface FanOutFieldsProps {
  form: UseFormReturnType<PlanValues>;
  /** A field's input props, with the preview's complaint when the form has none. */
  field: PlanField;
  schedule: ScheduleValues;
  departments: readonly Department[];
}

/** One ticket per occurrence, per listed asset, or per in-service asset of a type (in a department). */
export function FanOutFields({ form, field, schedule, departments }: FanOutFieldsProps) {
  const { fanOut } = schedule;
  return (
    <Stack gap="sm">
      <Select label="Tickets" data={FAN_OUT_OPTIONS} allowDeselect={false} {...field('fanOut')} />
      {fanOut === 'assets' ? (
        <AssetList
          assetIds={schedule.assetIds}
          onChange={(ids) => form.setFieldValue('assetIds', ids)}
          error={field('assetIds').error}
        />
      ) : null}
      {fanOut === 'asset_type' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Asset type" data={ASSET_TYPE_OPTIONS} searchable {...field('assetType')} />
          <Select
            label="In department"
            placeholder="Every department"
            data={departments.map((d) => ({ value: d.id, label: d.name }))}
            searchable
            clearable
            {...field('assetDepartmentId')}
          />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}

interface AssetListProps {
  assetIds: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}

function AssetList({ assetIds, onChange, error }: AssetListProps) {
  // Assets picked here are named at once; a saved plan's are looked up by id.
  const [picked, setPicked] = useState<ReadonlyMap<string, AssetLabel>>(new Map());
  const looked = useQueries({
    queries: assetIds.filter((id) => !picked.has(id)).map((id) => assetQueryOptions(id)),
  });
  const known = new Map(picked);
  for (const result of looked) if (result.data) known.set(result.data.id, result.data);

  const add = (asset: AssetLabel | null) => {
    if (!asset || assetIds.includes(asset.id)) return;
    setPicked(new Map(picked).set(asset.id, asset));
    onChange([...assetIds, asset.id]);
  };

  return (
    <Stack gap="xs">
      <SearchSelect
        // A fresh, empty picker after each pick.
        key={assetIds.length}
        label="Add an asset"
        placeholder="Type a tag or name"
        value={null}
        onChange={add}
        search={(q) => assetSearchQueryOptions({ ...(q ? { q } : {}), status: 'in_service' })}
        optionLabel={assetLabel}
        nothingFound="No asset matches"
        error={error}
      />
      {assetIds.length === 0 ? (
        <Text size="sm" c="dimmed">
          No assets yet.
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-label="Assets" listStyleType="none">
          {assetIds.map((id) => {
            const asset = known.get(id);
            const name = asset ? assetLabel(asset) : 'Loading…';
            return (
              <List.Item key={id}>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm">{name}</Text>
                  <UnstyledButton
                    fz="xs"
                    c="red.8"
                    td="underline"
                    aria-label={`Remove ${asset ? asset.tag : 'asset'}`}
                    onClick={() => onChange(assetIds.filter((other) => other !== id))}
                  >
                    Remove
                  </UnstyledButton>
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
}
