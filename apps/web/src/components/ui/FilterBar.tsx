import { Group, Loader, Select, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

interface FilterBarProps {
  search: string;
  onSearchChange: (search: string) => void;
  searchPlaceholder: string;
  searchWidth: number;
  /** A small spinner while the list reloads for new filters. */
  refreshing: boolean;
  /** More filters, after the search box. */
  children?: ReactNode;
}

/** The row above a list: a search box, the list's own filters, and whether it is reloading. */
export function FilterBar({ search, onSearchChange, searchPlaceholder, searchWidth, refreshing, children }: FilterBarProps) {
  return (
    <Group mb="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder={searchPlaceholder}
        value={search}
        onChange={(event) => onSearchChange(event.currentTarget.value)}
        w={searchWidth}
      />
      {children}
      {refreshing ? <Loader size="xs" aria-label="Refreshing" /> : null}
    </Group>
  );
}

interface FilterSelectProps<V extends string> {
  label: string;
  /** What an empty choice means: "All roles". */
  placeholder: string;
  options: readonly { value: V; label: string }[];
  value: V | null;
  onChange: (value: V | null) => void;
  width: number;
  searchable?: boolean;
}

/** One filter: a clearable choice among known values, typed as those values. */
export function FilterSelect<V extends string>({ options, onChange, width, ...select }: FilterSelectProps<V>) {
  return (
    <Select
      {...select}
      data={options}
      onChange={(value) => onChange(options.find((option) => option.value === value)?.value ?? null)}
      clearable
      w={width}
    />
  );
}
