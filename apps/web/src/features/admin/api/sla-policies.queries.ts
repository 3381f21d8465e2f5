import { queryOptions } from '@tanstack/react-query';
import type { CreateSlaPolicyInput, SlaPolicy, SlaPolicyDetail, UpdateSlaPolicyInput } from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';
import { adminKeys } from './admin.queries';

/** Every policy in matching order (first match wins), each with its current version. */
export function slaPolicyListQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.slaPolicyList(),
    queryFn: async ({ signal }): Promise<SlaPolicy[]> => (await unwrap(api.GET('/api/sla-policies', { signal }))).items,
  });
}

/** One policy with its version history (newest first). */
export function slaPolicyQueryOptions(id: string) {
  return queryOptions({
    queryKey: adminKeys.slaPolicy(id),
    queryFn: ({ signal }): Promise<SlaPolicyDetail> =>
      unwrap(api.GET('/api/sla-policies/{id}', { params: { path: { id } }, signal })),
  });
}

export function createSlaPolicy(input: CreateSlaPolicyInput): Promise<SlaPolicyDetail> {
  return unwrap(api.POST('/api/sla-policies', { body: input }));
}

/** Saves the changes as a new version; tickets keep the version they matched. */
export function updateSlaPolicy({ id, changes }: { id: string; changes: UpdateSlaPolicyInput }): Promise<SlaPolicyDetail> {
  return unwrap(api.PATCH('/api/sla-policies/{id}', { params: { path: { id } }, body: changes }));
}

/** The new matching order: every policy's id exactly once. */
export async function reorderSlaPolicies(ids: string[]): Promise<SlaPolicy[]> {
  return (await unwrap(api.PUT('/api/sla-policies/order', { body: { ids } }))).items;
}

export function setSlaPolicyActive({ id, active }: { id: string; active: boolean }): Promise<SlaPolicyDetail> {
  const path = { params: { path: { id } } };
  return unwrap(active ? api.POST('/api/sla-policies/{id}/activate', path) : api.POST('/api/sla-policies/{id}/deactivate', path));
}

export async function deleteSlaPolicy(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/sla-policies/{id}', { params: { path: { id } } }));
}
