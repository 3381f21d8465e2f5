import { queryOptions } from '@tanstack/react-query';
import type {
  Department,
  ImportFile,
  ImportRun,
  ImportRunSummary,
  StartTicketImportInput,
  User,
} from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';

export const importKeys = {
  all: ['imports'] as const,
  runs: () => [...importKeys.all, 'runs'] as const,
  run: (id: string) => [...importKeys.runs(), id] as const,
  departments: () => [...importKeys.all, 'departments'] as const,
  userSearch: (search: string) => [...importKeys.all, 'users', search] as const,
};

/** How often a run in progress is asked after. */
export const RUN_POLL_MS = 1000;

const finished = (run: ImportRun | undefined) => run?.status === 'succeeded' || run?.status === 'failed';

/** One run with its first problems, polled until it has finished. */
export function importRunQueryOptions(id: string) {
  return queryOptions({
    queryKey: importKeys.run(id),
    queryFn: ({ signal }): Promise<ImportRun> => unwrap(api.GET('/api/imports/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) => (finished(query.state.data) ? false : RUN_POLL_MS),
  });
}

/** The file goes up as it is (a text/csv body, streamed by the browser): the API stores it for any instance to read. */
export function uploadImportFile(file: File): Promise<ImportFile> {
  return unwrap(
    api.POST('/api/imports/files', {
      params: { query: { name: file.name } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
}

/** Queues a run (or its dry run); a worker reads the file while the screen polls the run. */
export function startTicketImport(input: StartTicketImportInput): Promise<ImportRunSummary> {
  return unwrap(api.POST('/api/imports/tickets', { body: input }));
}

/** Where the browser downloads a run's problems as CSV (the session cookie goes with it). */
export function errorReportUrl(id: string): string {
  return `/api/imports/${encodeURIComponent(id)}/errors.csv`;
}

export function departmentsQueryOptions() {
  return queryOptions({
    queryKey: importKeys.departments(),
    queryFn: async ({ signal }): Promise<Department[]> => (await unwrap(api.GET('/api/departments', { signal }))).items,
  });
}

const USER_SEARCH_LIMIT = 20;

/** The first few users matching a search, for the default requester. */
export function userSearchQueryOptions(search: string) {
  return queryOptions({
    queryKey: importKeys.userSearch(search),
    queryFn: async ({ signal }): Promise<User[]> =>
      (
        await unwrap(
          api.GET('/api/users', { params: { query: { ...(search ? { search } : {}), limit: USER_SEARCH_LIMIT } }, signal }),
        )
      ).items,
  });
}
