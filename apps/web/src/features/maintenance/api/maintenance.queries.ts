import { queryOptions } from '@tanstack/react-query';
import type { Asset, Department } from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';
import { ticketKeys } from '../../../lib/tickets/tickets.queries';
import { referenceKeys } from '../../../lib/reference-data/reference-data.queries';
import type {
  CalendarFeed,
  CalendarItem,
  CalendarQuery,
  CreateMaintenancePlanInput,
  CreatedCalendarFeed,
  MaintenancePlan,
  MaintenancePreview,
  UpdateMaintenancePlanInput,
} from './maintenance-types';

export const maintenanceKeys = {
  all: ['maintenance'] as const,
  plans: () => [...maintenanceKeys.all, 'plans'] as const,
  planList: () => [...maintenanceKeys.plans(), 'list'] as const,
  plan: (id: string) => [...maintenanceKeys.plans(), 'detail', id] as const,
  /** Saved plans' next occurrences: they move when a plan is edited, paused or resumed. */
  planPreviews: () => [...maintenanceKeys.plans(), 'preview'] as const,
  planPreview: (id: string, count: number) => [...maintenanceKeys.planPreviews(), id, count] as const,
  /** An unsaved plan's occurrences, keyed by the body sent. */
  draftPreview: (body: string, count: number) => [...maintenanceKeys.all, 'draft-preview', body, count] as const,
  calendars: () => ticketKeys.maintenanceCalendars(),
  calendar: (query: CalendarQuery) => [...maintenanceKeys.calendars(), query] as const,
  feeds: () => [...maintenanceKeys.all, 'feeds'] as const,
  departments: () => [...maintenanceKeys.all, 'departments'] as const,
};

export function planListQueryOptions() {
  return queryOptions({
    queryKey: maintenanceKeys.planList(),
    queryFn: async ({ signal }): Promise<MaintenancePlan[]> =>
      (await unwrap(api.GET('/api/maintenance-plans', { signal }))).items,
  });
}

export function planQueryOptions(id: string) {
  return queryOptions({
    queryKey: maintenanceKeys.plan(id),
    queryFn: ({ signal }): Promise<MaintenancePlan> =>
      unwrap(api.GET('/api/maintenance-plans/{id}', { params: { path: { id } }, signal })),
  });
}

export function planPreviewQueryOptions(id: string, count: number) {
  return queryOptions({
    queryKey: maintenanceKeys.planPreview(id, count),
    queryFn: ({ signal }): Promise<MaintenancePreview> =>
      unwrap(api.GET('/api/maintenance-plans/{id}/preview', { params: { path: { id }, query: { count } }, signal })),
  });
}

/** `body` is the JSON of a plan being edited: the key and the request are the same text. */
export function draftPreviewQueryOptions(body: string, count: number) {
  return queryOptions({
    queryKey: maintenanceKeys.draftPreview(body, count),
    queryFn: ({ signal }): Promise<MaintenancePreview> =>
      unwrap(
        api.POST('/api/maintenance-plans/preview', {
          params: { query: { count } },
          body: JSON.parse(body) as CreateMaintenancePlanInput,
          signal,
        }),
      ),
  });
}

export function calendarQueryOptions(query: CalendarQuery) {
  return queryOptions({
    queryKey: maintenanceKeys.calendar(query),
    queryFn: async ({ signal }): Promise<CalendarItem[]> =>
      (await unwrap(api.GET('/api/maintenance/calendar', { params: { query }, signal }))).items,
  });
}

export function feedListQueryOptions() {
  return queryOptions({
    queryKey: maintenanceKeys.feeds(),
    queryFn: async ({ signal }): Promise<CalendarFeed[]> => (await unwrap(api.GET('/api/maintenance/feeds', { signal }))).items,
  });
}

/** Which department a plan's work is for; the list is small and read by every signed-in user. */
export function departmentListQueryOptions() {
  return queryOptions({
    queryKey: maintenanceKeys.departments(),
    queryFn: async ({ signal }): Promise<Department[]> => (await unwrap(api.GET('/api/departments', { signal }))).items,
  });
}

/** One asset, to name the assets a saved plan lists (the plan holds only their ids). */
export function assetQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...referenceKeys.assets(), 'detail', id] as const,
    queryFn: ({ signal }): Promise<Asset> => unwrap(api.GET('/api/assets/{id}', { params: { path: { id } }, signal })),
  });
}

export function createPlan(input: CreateMaintenancePlanInput): Promise<MaintenancePlan> {
  return unwrap(api.POST('/api/maintenance-plans', { body: input }));
}

/** `changes.version` is the version the editor read; a stale one answers 409 version_conflict. */
export function updatePlan({ id, changes }: { id: string; changes: UpdateMaintenancePlanInput }): Promise<MaintenancePlan> {
  return unwrap(api.PATCH('/api/maintenance-plans/{id}', { params: { path: { id } }, body: changes }));
}

export function setPlanActive({ id, active }: { id: string; active: boolean }): Promise<MaintenancePlan> {
  const path = { params: { path: { id } } };
  return unwrap(
    active ? api.POST('/api/maintenance-plans/{id}/resume', path) : api.POST('/api/maintenance-plans/{id}/pause', path),
  );
}

export async function deletePlan(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/maintenance-plans/{id}', { params: { path: { id } } }));
}

/** A subscription address for the work assigned to me (no queue) or for a queue's work. */
export function createFeed(queueId: string | null): Promise<CreatedCalendarFeed> {
  return unwrap(api.POST('/api/maintenance/feeds', { body: queueId ? { queueId } : {} }));
}

export async function revokeFeed(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/maintenance/feeds/{id}', { params: { path: { id } } }));
}
