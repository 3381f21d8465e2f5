import { queryOptions } from '@tanstack/react-query';
import type { CreateRateInput, Rate } from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';
import { adminKeys } from './admin.queries';

/** Every hourly rate: role defaults first, then each person's, newest first within each (managers and admins). */
export function rateListQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.rateList(),
    queryFn: async ({ signal }): Promise<Rate[]> => (await unwrap(api.GET('/api/rates', { signal }))).items,
  });
}

/** A person's rate or a role's default from a day on; 409 when one already starts that day. */
export function createRate(input: CreateRateInput): Promise<Rate> {
  return unwrap(api.POST('/api/rates', { body: input }));
}

/** Only a rate not yet in force; the API answers 409 for any other, since costs may be stored at it. */
export async function deleteRate(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/rates/{id}', { params: { path: { id } } }));
}
