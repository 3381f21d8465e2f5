import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  Asset,
  AssetImportResult,
  Category,
  CreateAssetInput,
  CreateCategoryInput,
  CreateQueueInput,
  Queue,
  UpdateAssetInput,
  UpdateCategoryInput,
  UpdateQueueInput,
  CreateDepartmentInput,
  CreateUserInput,
  Department,
  Role,
  UpdateDepartmentInput,
  UpdateUserInput,
  User,
} from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';

export interface UserListFilters {
  search?: string;
  role?: Role;
}

const USER_PAGE_SIZE = 50;

export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (filters: UserListFilters) => [...adminKeys.users(), 'list', filters] as const,
  userSearch: (search: string) => [...adminKeys.users(), 'search', search] as const,
  departments: () => [...adminKeys.all, 'departments'] as const,
  departmentList: () => [...adminKeys.departments(), 'list'] as const,
  calendars: () => [...adminKeys.all, 'calendars'] as const,
  calendarList: () => [...adminKeys.calendars(), 'list'] as const,
  calendar: (id: string) => [...adminKeys.calendars(), 'detail', id] as const,
  slaPolicies: () => [...adminKeys.all, 'sla-policies'] as const,
  slaPolicyList: () => [...adminKeys.slaPolicies(), 'list'] as const,
  slaPolicy: (id: string) => [...adminKeys.slaPolicies(), 'detail', id] as const,
  rates: () => [...adminKeys.all, 'rates'] as const,
  rateList: () => [...adminKeys.rates(), 'list'] as const,
  settings: () => [...adminKeys.all, 'settings'] as const,
};

/** Users, a page at a time (the API pages by cursor, sorted by name). */
export function userListQueryOptions(filters: UserListFilters) {
  return infiniteQueryOptions({
    queryKey: adminKeys.userList(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/users', {
          params: {
            query: {
              limit: USER_PAGE_SIZE,
              ...(filters.search ? { search: filters.search } : {}),
              ...(filters.role ? { role: filters.role } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

const USER_SEARCH_SIZE = 20;

/** The first few active users matching a name or e-mail, for pickers (only active users may be assigned things). */
export function userSearchQueryOptions(search: string) {
  return queryOptions({
    queryKey: adminKeys.userSearch(search),
    queryFn: async ({ signal }): Promise<User[]> =>
      (
        await unwrap(
          api.GET('/api/users', {
            params: { query: { ...(search ? { search } : {}), active: true, limit: USER_SEARCH_SIZE } },
            signal,
          }),
        )
      ).items,
  });
}

export function departmentListQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.departmentList(),
    queryFn: async (): Promise<Department[]> => (await unwrap(api.GET('/api/departments'))).items,
  });
}

export function createUser(input: CreateUserInput): Promise<User> {
  return unwrap(api.POST('/api/users', { body: input }));
}

export function updateUser({ id, changes }: { id: string; changes: UpdateUserInput }): Promise<User> {
  return unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: changes }));
}

export async function setTemporaryPassword({ id, password }: { id: string; password: string }): Promise<void> {
  await unwrap(api.POST('/api/users/{id}/temporary-password', { params: { path: { id } }, body: { password } }));
}

export function createDepartment(input: CreateDepartmentInput): Promise<Department> {
  return unwrap(api.POST('/api/departments', { body: input }));
}

export function updateDepartment({ id, changes }: { id: string; changes: UpdateDepartmentInput }): Promise<Department> {
  return unwrap(api.PATCH('/api/departments/{id}', { params: { path: { id } }, body: changes }));
}

export async function deleteDepartment(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/departments/{id}', { params: { path: { id } } }));
}

const STAFF_USER_LIMIT = 200;

/** Active technicians, managers and admins: who may lead or belong to a queue. */
export function staffUserListQueryOptions() {
  return queryOptions({
    queryKey: [...adminKeys.users(), 'staff'] as const,
    queryFn: async ({ signal }): Promise<User[]> => {
      const page = await unwrap(api.GET('/api/users', { params: { query: { active: true, limit: STAFF_USER_LIMIT } }, signal }));
      return page.items.filter((user) => user.role !== 'requester');
    },
  });
}

export function createQueue(input: CreateQueueInput): Promise<Queue> {
  return unwrap(api.POST('/api/queues', { body: input }));
}

export function updateQueue({ id, changes }: { id: string; changes: UpdateQueueInput }): Promise<Queue> {
  return unwrap(api.PATCH('/api/queues/{id}', { params: { path: { id } }, body: changes }));
}

export function setQueueMembers({ id, userIds }: { id: string; userIds: string[] }): Promise<Queue> {
  return unwrap(api.PUT('/api/queues/{id}/members', { params: { path: { id } }, body: { userIds } }));
}

export async function deleteQueue(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/queues/{id}', { params: { path: { id } } }));
}

export function createCategory(input: CreateCategoryInput): Promise<Category> {
  return unwrap(api.POST('/api/categories', { body: input }));
}

export function updateCategory({ id, changes }: { id: string; changes: UpdateCategoryInput }): Promise<Category> {
  return unwrap(api.PATCH('/api/categories/{id}', { params: { path: { id } }, body: changes }));
}

export async function deleteCategory(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/categories/{id}', { params: { path: { id } } }));
}

export function createAsset(input: CreateAssetInput): Promise<Asset> {
  return unwrap(api.POST('/api/assets', { body: input }));
}

export function updateAsset({ id, changes }: { id: string; changes: UpdateAssetInput }): Promise<Asset> {
  return unwrap(api.PATCH('/api/assets/{id}', { params: { path: { id } }, body: changes }));
}

export async function deleteAsset(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/assets/{id}', { params: { path: { id } } }));
}

/**
 * Sends a CSV file as it is (text/csv, not JSON) through the same client, so its errors become
 * ApiError in the one place every other call uses.
 */
export function importAssets({ csv, dryRun }: { csv: string; dryRun: boolean }): Promise<AssetImportResult> {
  return unwrap(
    api.POST('/api/assets/import', {
      params: { query: { dryRun } },
      body: csv,
      bodySerializer: (body: string) => body,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
}
