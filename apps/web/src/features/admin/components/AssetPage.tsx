import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FactList } from '../../../components/ui/FactList';
import { FullPageLoader } from '../../../components/ui/FullPageLoader';
import { PageHeader } from '../../../components/ui/PageHeader';
import { Panel } from '../../../components/ui/Panel';
import { isApiError } from '../../../lib/api/api-error';
import type { AssetDetail } from '../../../lib/api/api-types';
import { assetTypeLabel } from '../../../lib/assets/asset-vocabulary';
import { formatCents } from '../../../lib/money/money';
import { useCurrentUser } from '../../../lib/session/current-user';
import { formatDate } from '../../../lib/time/format-date';
import { assetDetailQueryOptions } from '../api/assets.queries';
import { AssetCostToDate } from './AssetCostToDate';
import { AssetFormModal } from './AssetFormModal';
import { AssetLifecycleFacts } from './AssetLifecycleFacts';
import { AssetStatusBadge } from './AssetBadges';
import { AssetStatusHistory } from './AssetStatusHistory';
import { AssetTickets } from './AssetTickets';

/**
 * One asset for IT staff: what it is, where it stands in its replacement cycle, what it has cost
 * by kind of work, and the tickets about it.
 */
export function AssetPage() {
  const { id = '' } = useParams();
  const asset = useQuery(assetDetailQueryOptions(id));

  if (asset.isPending) return <FullPageLoader label="Loading the asset" />;
  if (asset.isError) {
    // The API answers 404 for an id that is not an asset (or not a uuid: 400).
    if (isApiError(asset.error) && (asset.error.statusCode === 404 || asset.error.statusCode === 400)) {
      return (
        <Stack>
          <Title order={2}>Asset not found</Title>
          <Text>There is no such asset; it may have been deleted.</Text>
        </Stack>
      );
    }
    return <ErrorAlert title="Could not load the asset" error={asset.error} onRetry={() => void asset.refetch()} />;
  }
  return <AssetWorkspace asset={asset.data} />;
}

function AssetWorkspace({ asset }: { asset: AssetDetail }) {
  const me = useCurrentUser();
  const [editing, editor] = useDisclosure(false);
  const admin = me.role === 'admin';

  return (
    <Stack gap="md">
      <PageHeader
        title={`${asset.tag} · ${asset.name}`}
        description={`${assetTypeLabel(asset.type)} · ${asset.department.name}`}
        actions={admin ? <Button onClick={editor.open}>Edit</Button> : null}
      />
      <Group gap="xs" mt={-8}>
        <AssetStatusBadge status={asset.status} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Panel title="Details">
          <FactList
            label="Asset details"
            facts={[
              ['Assigned to', asset.assignedUser?.name ?? '—'],
              ['Location', asset.location ?? '—'],
              ['Serial number', asset.serial ?? '—'],
              ['Purchase cost', asset.costCents !== null ? formatCents(asset.costCents) : '—'],
              ['Warranty end', asset.warrantyEnd ? formatDate(asset.warrantyEnd) : '—'],
            ]}
          />
        </Panel>
        <Panel title="Lifecycle">
          <AssetLifecycleFacts asset={asset} />
        </Panel>
      </SimpleGrid>
      {asset.costToDate ? (
        <Panel title="Cost to date">
          <AssetCostToDate cost={asset.costToDate} />
        </Panel>
      ) : null}
      <Panel title="Tickets">
        <AssetTickets assetId={asset.id} />
      </Panel>
      <Panel title="Status history">
        <AssetStatusHistory changes={asset.statusHistory} />
      </Panel>
      {admin ? <AssetFormModal asset={asset} opened={editing} onClose={editor.close} /> : null}
    </Stack>
  );
}
