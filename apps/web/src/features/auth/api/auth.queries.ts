import { queryOptions } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api/api-error';
import type { ChangePasswordInput, Me, SignInInput } from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

/** The signed-in user, or null when nobody is signed in. */
export function meQueryOptions() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: async (): Promise<Me | null> => {
      try {
        return await unwrap(api.GET('/api/auth/me'));
      } catch (error) {
        if (isApiError(error) && error.statusCode === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export async function signIn(input: SignInInput): Promise<Me> {
  const { user } = await unwrap(api.POST('/api/auth/login', { body: input }));
  return user;
}

export async function signOut(): Promise<void> {
  await unwrap(api.POST('/api/auth/logout'));
}

export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await unwrap(api.POST('/api/auth/password', { body: input }));
}
