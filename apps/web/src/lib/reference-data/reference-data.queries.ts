import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AssetListQuery, Calendar, Category, Department, Queue } from '../api/api-types';
import { api, unwrap } from '../api/client';

export type AssetListFilters = Omit<AssetListQuery, 'cursor' | 'limit'>;

/**
 * Queues, categories and assets: read by the ticket screens, edited by the admin screens, so one
 * factory in lib that both use (admin mutations invalidate through it).
 */
export const referenceKeys = {
  all: ['reference'] as const,
  departments: () => [...referenceKeys.all, 'departments'] as const,
  queues: () => [...referenceKeys.all, 'queues'] as const,
  categories: () => [...referenceKeys.all, 'categories'] as const,
  categoryList: (includeInactive: boolean) => [...referenceKeys.categories(), { includeInactive }] as const,
  assets: () => [...referenceKeys.all, 'assets'] as const,
  assetList: (filters: AssetListFilters) => [...referenceKeys.assets(), 'list', filters] as const,
  assetSearch: (filters: AssetListFilters) => [...referenceKeys.assets(), 'search', filters] as const,
  /** One asset with its lifecycle, status history and (for staff) cost to date. */
  assetDetails: () => [...referenceKeys.assets(), 'detail'] as const,
  assetDetail: (id: string) => [...referenceKeys.assetDetails(), id] as const,
  assetTickets: (id: string) => [...referenceKeys.assets(), 'tickets', id] as const,
  /** The city's time zone, which says what "today" is for work dates, rates and asset ages. */
  cityTimeZone: () => [...referenceKeys.all, 'city-time-zone'] as const,
};

/** Every department, for filters and pickers (everyone signed in may read them). */
export function departmentListQueryOptions() {
  return queryOptions({
    queryKey: referenceKeys.departments(),
    queryFn: async ({ signal }): Promise<Department[]> => (await unwrap(api.GET('/api/departments', { signal }))).items,
  });
}

/** Every queue with its lead and members (staff only). */
export function queueListQueryOptions() {
  return queryOptions({
    queryKey: referenceKeys.queues(),
    queryFn: async ({ signal }): Promise<Queue[]> => (await unwrap(api.GET('/api/queues', { signal }))).items,
  });
}

/** Active categories for pickers; admins also see inactive ones. */
export function categoryListQueryOptions({ includeInactive = false }: { includeInactive?: boolean } = {}) {
  return queryOptions({
    queryKey: referenceKeys.categoryList(includeInactive),
    queryFn: async ({ signal }): Promise<Category[]> =>
      (await unwrap(api.GET('/api/categories', { params: { query: includeInactive ? { includeInactive: true } : {} }, signal })))
        .items,
  });
}

const ASSET_PAGE_SIZE = 50;
const ASSET_SEARCH_SIZE = 20;

export function assetListQueryOptions(filters: AssetListFilters) {
  return infiniteQueryOptions({
    queryKey: referenceKeys.assetList(filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/assets', {
          params: { query: { ...filters, limit: ASSET_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The first few assets matching a search, for pickers. */
export function assetSearchQueryOptions(filters: AssetListFilters) {
  return queryOptions({
    queryKey: referenceKeys.assetSearch(filters),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/assets', { params: { query: { ...filters, limit: ASSET_SEARCH_SIZE } }, signal }))).items,
  });
}

/** The built-in calendar whose zone is the city's (the API reckons "today" by it). */
const CITY_CALENDAR_KEY = 'city_office_hours';

/** The city's IANA time zone, or null when the city calendar is missing (staff only: calendars are theirs). */
export function cityTimeZoneQueryOptions() {
  return queryOptions({
    queryKey: referenceKeys.cityTimeZone(),
    queryFn: async ({ signal }): Promise<string | null> => {
      const calendars: Calendar[] = (await unwrap(api.GET('/api/calendars', { signal }))).items;
      return calendars.find((calendar) => calendar.systemKey === CITY_CALENDAR_KEY)?.timeZone ?? null;
    },
    staleTime: Infinity,
  });
}
