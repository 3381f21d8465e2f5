import { Badge, Button, Group, Loader, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Asset } from '../../../lib/api/api-types';
import { assetListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { formatDate } from '../../../lib/time/format-date';
import { departmentListQueryOptions } from '../api/admin.queries';
import { useDeleteAsset } from '../hooks/use-admin-mutations';
import { AssetFormModal } from './AssetFormModal';
import { AssetImportModal } from './AssetImportModal';
import {
  ASSET_STATUS_OPTIONS,
  ASSET_TYPE_OPTIONS,
  assetStatusLabel,
  assetTypeLabel,
  formatCents,
  type AssetStatus,
  type AssetType,
} from './asset-words';
import { ConfirmDeleteModal } from './ConfirmDeleteModal';

type AssetDialog =
  | { kind: 'closed' }
  | { kind: 'create' }
  | { kind: 'edit'; asset: Asset }
  | { kind: 'delete'; asset: Asset }
  | { kind: 'import' };

const NOWRAP = { whiteSpace: 'nowrap' } as const;

const STATUS_COLORS: Record<AssetStatus, string> = { in_service: 'green', in_repair: 'orange', retired: 'gray' };

export function AssetsPage() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [type, setType] = useState<AssetType | null>(null);
  const [status, setStatus] = useState<AssetStatus | null>(null);
  const [dialog, setDialog] = useState<AssetDialog>({ kind: 'closed' });
  const departments = useQuery(departmentListQueryOptions());
  const deleteAsset = useDeleteAsset();
  const assets = useInfiniteQuery(
    assetListQueryOptions({
      ...(debouncedSearch ? { q: debouncedSearch } : {}),
      ...(departmentId ? { departmentId } : {}),
      ...(type ? { type } : {}),
      ...(status ? { status } : {}),
    }),
  );
  const rows = assets.data?.pages.flatMap((page) => page.items) ?? [];
  const close = () => setDialog({ kind: 'closed' });

  return (
    <>
      <PageHeader
        title="Assets"
        description="Devices and systems the city owns, with their age, cost and warranty."
        actions={
          <>
            <Button variant="default" onClick={() => setDialog({ kind: 'import' })}>
              Import CSV
            </Button>
            <Button onClick={() => setDialog({ kind: 'create' })}>New asset</Button>
          </>
        }
      />
      <Group mb="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Search"
          placeholder="Tag, name or serial"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={240}
        />
        <Select
          label="Department"
          placeholder="All departments"
          data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={departmentId}
          onChange={setDepartmentId}
          clearable
          searchable
          w={200}
        />
        <Select
          label="Type"
          placeholder="All types"
          data={ASSET_TYPE_OPTIONS}
          value={type}
          onChange={(value) => setType(ASSET_TYPE_OPTIONS.find((o) => o.value === value)?.value ?? null)}
          clearable
          searchable
          w={200}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={ASSET_STATUS_OPTIONS}
          value={status}
          onChange={(value) => setStatus(ASSET_STATUS_OPTIONS.find((o) => o.value === value)?.value ?? null)}
          clearable
          w={160}
        />
        {assets.isFetching && !assets.isPending ? <Loader size="xs" aria-label="Refreshing" /> : null}
      </Group>
      {assets.isError ? (
        <ErrorAlert title="Could not load assets" error={assets.error} onRetry={() => void assets.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Assets">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tag</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Department</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Purchased</Table.Th>
                <Table.Th>Cost</Table.Th>
                <Table.Th>Warranty end</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assets.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={9}>
                    <Loader size="sm" aria-label="Loading assets" />
                  </Table.Td>
                </Table.Tr>
              ) : rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={9}>
                    <Text c="dimmed" size="sm">
                      No assets match.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                rows.map((asset) => (
                  <Table.Tr key={asset.id}>
                    <Table.Td style={NOWRAP}>
                      <Text span ff="monospace" size="sm">
                        {asset.tag}
                      </Text>
                    </Table.Td>
                    <Table.Td fw={500}>{asset.name}</Table.Td>
                    <Table.Td>{assetTypeLabel(asset.type)}</Table.Td>
                    <Table.Td>{asset.department.name}</Table.Td>
                    <Table.Td style={NOWRAP}>
                      <Badge color={STATUS_COLORS[asset.status]} variant="light" styles={{ root: { minWidth: 'max-content' } }}>
                        {assetStatusLabel(asset.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={NOWRAP}>{asset.purchaseDate ? formatDate(asset.purchaseDate) : '—'}</Table.Td>
                    <Table.Td style={NOWRAP}>{asset.costCents !== null ? formatCents(asset.costCents) : '—'}</Table.Td>
                    <Table.Td style={NOWRAP}>{asset.warrantyEnd ? formatDate(asset.warrantyEnd) : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Edit ${asset.tag}`}
                          onClick={() => setDialog({ kind: 'edit', asset })}
                        >
                          Edit
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          color="red"
                          aria-label={`Delete ${asset.tag}`}
                          onClick={() => setDialog({ kind: 'delete', asset })}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {assets.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button variant="default" loading={assets.isFetchingNextPage} onClick={() => void assets.fetchNextPage()}>
            Load more
          </Button>
        </Group>
      ) : null}
      <AssetFormModal
        opened={dialog.kind === 'create' || dialog.kind === 'edit'}
        asset={dialog.kind === 'edit' ? dialog.asset : null}
        onClose={close}
      />
      <AssetImportModal opened={dialog.kind === 'import'} onClose={close} />
      <ConfirmDeleteModal
        title="Delete asset"
        id={dialog.kind === 'delete' ? dialog.asset.id : null}
        name={dialog.kind === 'delete' ? `${dialog.asset.tag} ${dialog.asset.name}` : null}
        mutation={deleteAsset}
        onClose={close}
      />
    </>
  );
}
