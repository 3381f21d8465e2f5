import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useState } from 'react';

interface SearchSelectProps<V extends { id: string }, T extends V, K extends QueryKey> {
  label: string;
  description?: string;
  placeholder: string;
  /** Shown instead of the placeholder until the first results arrive. */
  loadingPlaceholder?: string;
  value: V | null;
  onChange: (picked: V | null) => void;
  /** The first few records matching the typed text (all of them when it is empty): the API searches. */
  search: (text: string) => UseQueryOptions<T[], Error, T[], K>;
  optionLabel: (record: V) => string;
  /** A dimmed second line under an option, to tell look-alikes apart. */
  optionDetail?: (record: T) => string;
  nothingFound: string;
  error?: string;
}

/** A picker over a list too long to load (users, assets): typing asks the API, the choice stays listed. */
export function SearchSelect<V extends { id: string }, T extends V, K extends QueryKey>({
  label,
  description,
  placeholder,
  loadingPlaceholder = placeholder,
  value,
  onChange,
  search: searchOptions,
  optionLabel,
  optionDetail,
  nothingFound,
  error,
}: SearchSelectProps<V, T, K>) {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  // Typing after a pick searches for the typed text, not for the picked record's label.
  const text = value && debouncedSearch === optionLabel(value) ? '' : debouncedSearch;
  const results = useQuery({ ...searchOptions(text), placeholderData: keepPreviousData });
  const found = results.data ?? [];
  const options: V[] = [...(value && !found.some((record) => record.id === value.id) ? [value] : []), ...found];

  return (
    <Select
      label={label}
      description={description}
      placeholder={results.isPending ? loadingPlaceholder : placeholder}
      data={options.map((record) => ({ value: record.id, label: optionLabel(record) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((record) => record.id === id) ?? null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The API already filtered by the search text.
      filter={({ options: all }) => all}
      renderOption={
        optionDetail
          ? ({ option }) => {
              const record = found.find((candidate) => candidate.id === option.value);
              return (
                <Stack gap={0}>
                  <Text size="sm">{option.label}</Text>
                  {record ? (
                    <Text size="xs" c="dimmed">
                      {optionDetail(record)}
                    </Text>
                  ) : null}
                </Stack>
              );
            }
          : undefined
      }
      nothingFoundMessage={results.isFetching ? 'Searching…' : nothingFound}
      clearable
      error={error}
    />
  );
}
