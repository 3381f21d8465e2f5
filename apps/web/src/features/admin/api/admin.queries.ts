import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
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
  departments: () => [...adminKeys.all, 'departments'] as const,
  departmentList: () => [...adminKeys.departments(), 'list'] as const,
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
