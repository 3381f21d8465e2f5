import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Dimmed } from '../../../components/ui/DataTable';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Category } from '../../../lib/api/api-types';
import { categoryListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { kindLabel } from '../../../lib/tickets/ticket-vocabulary';
import { useDeleteCategory } from '../hooks/use-admin-mutations';
import { useCrudDialog } from '../../../lib/forms/use-crud-dialog';
import { ActiveBadge, BuiltInBadge } from './AdminBadges';
import { CategoryFormModal } from './CategoryFormModal';
import { ResourceTable } from '../../../components/ui/ResourceTable';

export function CategoriesPage() {
  const categories = useQuery(categoryListQueryOptions({ includeInactive: true }));
  const deleteCategory = useDeleteCategory();
  const dialog = useCrudDialog<Category>();

  return (
    <>
      <PageHeader
        title="Categories"
        description="What tickets are about. Each category routes new tickets to its default queue."
        actions={<Button onClick={dialog.create}>New category</Button>}
      />
      <ResourceTable
        label="Categories"
        query={categories}
        rows={categories.data ?? []}
        minWidth={640}
        empty="No categories yet."
        nameOf={(category) => category.name}
        onEdit={dialog.edit}
        deletion={{ noun: 'category', mutation: deleteCategory, allowed: (category) => !category.systemKey }}
        columns={[
          {
            header: 'Name',
            strong: true,
            cell: (category) => (
              <>
                {category.name}
                <BuiltInBadge systemKey={category.systemKey} />
              </>
            ),
          },
          { header: 'Default queue', cell: (category) => category.defaultQueue.name },
          { header: 'Default kind', cell: (category) => (category.defaultKind ? kindLabel(category.defaultKind) : <Dimmed />) },
          { header: 'Status', cell: (category) => <ActiveBadge active={category.active} /> },
        ]}
      />
      <CategoryFormModal opened={dialog.isOpen('form')} category={dialog.recordFor('form')} onClose={dialog.close} />
    </>
  );
}
