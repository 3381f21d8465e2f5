import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { assetSearchQueryOptions } from '../../../lib/reference-data/reference-data.queries';

export interface PickedAsset {
  id: string;
  tag: string;
  name: string;
}

interface AssetPickerProps {
  label: string;
  description?: string;
  value: PickedAsset | null;
  onChange: (asset: PickedAsset | null) => void;
  /** Only this department's assets (the requester's own). */
  departmentId?: string | null;
  error?: string;
}

function assetLabel(asset: PickedAsset): string {
  return `${asset.tag} · ${asset.name}`;
}

/** A device or system, found by typing its tag, name or serial (the API searches). */
export function AssetPicker({ label, description, value, onChange, departmentId, error }: AssetPickerProps) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  // Typing after a pick searches for the typed text, not for the picked asset's label.
  const q = value && debouncedSearch === assetLabel(value) ? '' : debouncedSearch;
  const assets = useQuery({
    ...assetSearchQueryOptions({ ...(q ? { q } : {}), ...(departmentId ? { departmentId } : {}) }),
    placeholderData: keepPreviousData,
  });
  const found = assets.data ?? [];
  const options = [...(value && !found.some((a) => a.id === value.id) ? [value] : []), ...found];

  return (
    <Select
      label={label}
      description={description}
      placeholder={assets.isPending ? 'Loading devices…' : 'Type a tag or name'}
      data={options.map((asset) => ({ value: asset.id, label: assetLabel(asset) }))}
      value={value?.id ?? null}
      onChange={(id) => {
        const picked = options.find((asset) => asset.id === id);
        onChange(picked ? { id: picked.id, tag: picked.tag, name: picked.name } : null);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The API already filtered by the search text.
      filter={({ options: all }) => all}
      nothingFoundMessage={assets.isFetching ? 'Searching…' : 'No device matches'}
      clearable
      error={error}
    />
  );
}
