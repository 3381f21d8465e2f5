import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AssetDetail } from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';
import { referenceKeys } from '../../../lib/reference-data/reference-data.queries';

/** One asset: its lifecycle on the city's today, its status history and, for staff, its cost to date. */
export function assetDetailQueryOptions(id: string) {
  return queryOptions({
    queryKey: referenceKeys.assetDetail(id),
    queryFn: ({ signal }): Promise<AssetDetail> => unwrap(api.GET('/api/assets/{id}', { params: { path: { id } }, signal })),
  });
}

const ASSET_TICKET_PAGE_SIZE = 20;

/** The tickets about an asset that the reader may see, newest first, a page at a time. */
export function assetTicketsQueryOptions(id: string) {
  return infiniteQueryOptions({
    queryKey: referenceKeys.assetTickets(id),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/assets/{id}/tickets', {
          params: { path: { id }, query: { limit: ASSET_TICKET_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}
