import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AuditAction, AuditListQuery, AuditPage, AuditTargetType, User } from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';

/** What the screen filters by; each is left out of the request when empty. */
export interface AuditFilters {
  action: AuditAction | null;
  /** Who acted; the name is for the picker to show. */
  actor: { id: string; name: string } | null;
  targetType: AuditTargetType | null;
  /** Only with targetType (the API insists). */
  targetId: string;
  /** Days of the city's calendar, inclusive ('YYYY-MM-DD'), or ''. */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilters = { action: null, actor: null, targetType: null, targetId: '', from: '', to: '' };

export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (filters: AuditFilters) => [...auditKeys.lists(), filters] as const,
  userSearch: (search: string) => [...auditKeys.all, 'users', search] as const,
};

const PAGE_SIZE = 50;

/** The filters as the API's query parameters. */
export function auditQuery(filters: AuditFilters): Omit<AuditListQuery, 'limit' | 'cursor' | 'format'> {
  const targetId = filters.targetId.trim();
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actor ? { actorId: filters.actor.id } : {}),
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(filters.targetType && targetId ? { targetId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}

/** The log, newest first, a page at a time (the API pages by cursor). */
export function auditListQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: async ({ pageParam, signal }): Promise<AuditPage> => {
      const page = await unwrap(
        api.GET('/api/audit', {
          params: { query: { ...auditQuery(filters), limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      );
      // The route also answers CSV (format=csv); without that parameter it is JSON.
      if (typeof page === 'string') throw new Error('The audit log came back as text instead of JSON.');
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Where the browser downloads every entry matching the filters as CSV (the session cookie goes with it; the API audits it). */
export function auditCsvUrl(filters: AuditFilters): string {
  const params = new URLSearchParams({ ...auditQuery(filters), format: 'csv' });
  return `/api/audit?${params.toString()}`;
}

const USER_SEARCH_LIMIT = 20;

/** The first few users matching a search, deactivated ones included: their history stays readable. */
export function userSearchQueryOptions(search: string) {
  return queryOptions({
    queryKey: auditKeys.userSearch(search),
    queryFn: async ({ signal }): Promise<User[]> =>
      (
        await unwrap(
          api.GET('/api/users', { params: { query: { ...(search ? { search } : {}), limit: USER_SEARCH_LIMIT } }, signal }),
        )
      ).items,
  });
}
