import { Badge, Button, Group, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Category } from '../../../lib/api/api-types';
import { categoryListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { kindLabel } from '../../../lib/tickets/ticket-vocabulary';
import { useDeleteCategory } from '../hooks/use-admin-mutations';
import { CategoryFormModal } from './CategoryFormModal';
import { ConfirmDeleteModal } from './ConfirmDeleteModal';

type CategoryDialog =
  { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; category: Category } | { kind: 'delete'; category: Category };

export function CategoriesPage() {
  const categories = useQuery(categoryListQueryOptions({ includeInactive: true }));
  const deleteCategory = useDeleteCategory();
  const [dialog, setDialog] = useState<CategoryDialog>({ kind: 'closed' });
  const close = () => setDialog({ kind: 'closed' });
  const rows = categories.data ?? [];

  return (
    <>
      <PageHeader
        title="Categories"
        description="What tickets are about. Each category routes new tickets to its default queue."
        actions={<Button onClick={() => setDialog({ kind: 'create' })}>New category</Button>}
      />
      {categories.isError ? (
        <ErrorAlert title="Could not load categories" error={categories.error} onRetry={() => void categories.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Categories">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Default queue</Table.Th>
                <Table.Th>Default kind</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {categories.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Loader size="sm" aria-label="Loading categories" />
                  </Table.Td>
                </Table.Tr>
              ) : rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" size="sm">
                      No categories yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                rows.map((category) => (
                  <Table.Tr key={category.id}>
                    <Table.Td fw={500}>
                      {category.name}
                      {category.systemKey ? (
                        <Badge ml="xs" size="xs" variant="outline" color="gray">
                          Built-in
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{category.defaultQueue.name}</Table.Td>
                    <Table.Td>
                      {category.defaultKind ? (
                        kindLabel(category.defaultKind)
                      ) : (
                        <Text span c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {category.active ? (
                        <Badge color="green" variant="light">
                          Active
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light">
                          Inactive
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Edit ${category.name}`}
                          onClick={() => setDialog({ kind: 'edit', category })}
                        >
                          Edit
                        </Button>
                        {category.systemKey ? null : (
                          <Button
                            size="compact-sm"
                            variant="default"
                            color="red"
                            aria-label={`Delete ${category.name}`}
                            onClick={() => setDialog({ kind: 'delete', category })}
                          >
                            Delete
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CategoryFormModal
        opened={dialog.kind === 'create' || dialog.kind === 'edit'}
        category={dialog.kind === 'edit' ? dialog.category : null}
        onClose={close}
      />
      <ConfirmDeleteModal
        title="Delete category"
        id={dialog.kind === 'delete' ? dialog.category.id : null}
        name={dialog.kind === 'delete' ? dialog.category.name : null}
        mutation={deleteCategory}
        onClose={close}
      />
    </>
  );
}
