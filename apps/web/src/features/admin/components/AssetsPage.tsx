import { Badge, Button, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dimmed } from '../../../components/ui/DataTable';
import { FilterBar, FilterSelect } from '../../../components/ui/FilterBar';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Asset } from '../../../lib/api/api-types';
import { assetListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { formatDate } from '../../../lib/time/format-date';
import { departmentListQueryOptions } from '../api/admin.queries';
import { useDeleteAsset } from '../hooks/use-admin-mutations';
import { useCrudDialog } from '../hooks/use-crud-dialog';
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
import { ResourceTable } from './ResourceTable';

const STATUS_COLORS: Record<AssetStatus, string> = { in_service: 'green', in_repair: 'orange', retired: 'gray' };

export function AssetsPage() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [type, setType] = useState<AssetType | null>(null);
  const [status, setStatus] = useState<AssetStatus | null>(null);
  const dialog = useCrudDialog<Asset, 'import'>();
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

  return (
    <>
      <PageHeader
        title="Assets"
        description="Devices and systems the city owns, with their age, cost and warranty."
        actions={
          <>
            <Button variant="default" onClick={() => dialog.open('import')}>
              Import CSV
            </Button>
            <Button onClick={dialog.create}>New asset</Button>
          </>
        }
      />
      <FilterBar
        search={search}
        onSearchChange={setSearch}
        searchPlaceholder="Tag, name or serial"
        searchWidth={240}
        refreshing={assets.isFetching && !assets.isPending}
      >
        <FilterSelect
          label="Department"
          placeholder="All departments"
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          value={departmentId}
          onChange={setDepartmentId}
          searchable
          width={200}
        />
        <FilterSelect
          label="Type"
          placeholder="All types"
          options={ASSET_TYPE_OPTIONS}
          value={type}
          onChange={setType}
          searchable
          width={200}
        />
        <FilterSelect
          label="Status"
          placeholder="Any status"
          options={ASSET_STATUS_OPTIONS}
          value={status}
          onChange={setStatus}
          width={160}
        />
      </FilterBar>
      <ResourceTable
        label="Assets"
        query={assets}
        rows={assets.data?.pages.flatMap((page) => page.items) ?? []}
        minWidth={1240}
        empty="No assets match."
        nameOf={(asset) => asset.tag}
        onEdit={dialog.edit}
        deletion={{ noun: 'asset', mutation: deleteAsset, nameOf: (asset) => `${asset.tag} ${asset.name}` }}
        columns={[
          {
            header: 'Tag',
            nowrap: true,
            cell: (asset) => (
              <Text span ff="monospace" size="sm">
                {asset.tag}
              </Text>
            ),
          },
          { header: 'Name', strong: true, cell: (asset) => asset.name },
          { header: 'Type', cell: (asset) => assetTypeLabel(asset.type) },
          { header: 'Department', cell: (asset) => asset.department.name },
          { header: 'Assigned to', cell: (asset) => asset.assignedUser?.name ?? <Dimmed /> },
          {
            header: 'Status',
            nowrap: true,
            cell: (asset) => (
              <Badge color={STATUS_COLORS[asset.status]} variant="light" styles={{ root: { minWidth: 'max-content' } }}>
                {assetStatusLabel(asset.status)}
              </Badge>
            ),
          },
          { header: 'Purchased', nowrap: true, cell: (asset) => (asset.purchaseDate ? formatDate(asset.purchaseDate) : '—') },
          { header: 'Cost', nowrap: true, cell: (asset) => (asset.costCents !== null ? formatCents(asset.costCents) : '—') },
          { header: 'Warranty end', nowrap: true, cell: (asset) => (asset.warrantyEnd ? formatDate(asset.warrantyEnd) : '—') },
        ]}
      />
      <AssetFormModal opened={dialog.isOpen('form')} asset={dialog.recordFor('form')} onClose={dialog.close} />
      <AssetImportModal opened={dialog.isOpen('import')} onClose={dialog.close} />
    </>
  );
}
