import { Anchor, Button } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Dimmed } from '../../../components/ui/DataTable';
import { FilterBar, FilterSelect } from '../../../components/ui/FilterBar';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Asset } from '../../../lib/api/api-types';
import { assetPath } from '../../../lib/assets/asset-paths';
import { isReplacementOverdue, replacementDate } from '../../../lib/assets/asset-lifecycle';
import { formatCents } from '../../../lib/money/money';
import { assetListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { formatDate } from '../../../lib/time/format-date';
import { useCityToday } from '../../../lib/time/use-city-today';
import { departmentListQueryOptions } from '../api/admin.queries';
import { useDeleteAsset } from '../hooks/use-admin-mutations';
import { useCrudDialog } from '../../../lib/forms/use-crud-dialog';
import { AssetFormModal } from './AssetFormModal';
import { AssetImportModal } from './AssetImportModal';
import { AssetStatusBadge, ReplacementDue } from './AssetBadges';
import {
  ASSET_STATUS_OPTIONS,
  ASSET_TYPE_OPTIONS,
  assetTypeLabel,
  type AssetStatus,
  type AssetType,
} from '../../../lib/assets/asset-vocabulary';
import { ResourceTable } from '../../../components/ui/ResourceTable';

export function AssetsPage() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [type, setType] = useState<AssetType | null>(null);
  const [status, setStatus] = useState<AssetStatus | null>(null);
  const dialog = useCrudDialog<Asset, 'import'>();
  const departments = useQuery(departmentListQueryOptions());
  const deleteAsset = useDeleteAsset();
  const today = useCityToday();
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
        minWidth={1360}
        empty="No assets match."
        nameOf={(asset) => asset.tag}
        onEdit={dialog.edit}
        deletion={{ noun: 'asset', mutation: deleteAsset, nameOf: (asset) => `${asset.tag} ${asset.name}` }}
        columns={[
          {
            header: 'Tag',
            nowrap: true,
            cell: (asset) => (
              <Anchor component={Link} to={assetPath(asset.id)} ff="monospace" size="sm">
                {asset.tag}
              </Anchor>
            ),
          },
          { header: 'Name', strong: true, cell: (asset) => asset.name },
          { header: 'Type', cell: (asset) => assetTypeLabel(asset.type) },
          { header: 'Department', cell: (asset) => asset.department.name },
          { header: 'Assigned to', cell: (asset) => asset.assignedUser?.name ?? <Dimmed /> },
          {
            header: 'Status',
            nowrap: true,
            cell: (asset) => <AssetStatusBadge status={asset.status} />,
          },
          { header: 'Purchased', nowrap: true, cell: (asset) => (asset.purchaseDate ? formatDate(asset.purchaseDate) : '—') },
          { header: 'Cost', nowrap: true, cell: (asset) => (asset.costCents !== null ? formatCents(asset.costCents) : '—') },
          { header: 'Warranty end', nowrap: true, cell: (asset) => (asset.warrantyEnd ? formatDate(asset.warrantyEnd) : '—') },
          {
            header: 'Replacement due',
            nowrap: true,
            cell: (asset) => {
              const due = replacementDate(asset.purchaseDate, asset.lifecycleYears);
              // A retired asset has been replaced already: its date is history, not a warning.
              return <ReplacementDue date={due} overdue={asset.status !== 'retired' && isReplacementOverdue(due, today)} />;
            },
          },
        ]}
      />
      <AssetFormModal opened={dialog.isOpen('form')} asset={dialog.recordFor('form')} onClose={dialog.close} />
      <AssetImportModal opened={dialog.isOpen('import')} onClose={dialog.close} />
    </>
  );
}
