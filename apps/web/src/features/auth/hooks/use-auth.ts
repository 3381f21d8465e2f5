import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { authKeys, changePassword, meQueryOptions, signIn, signOut } from '../api/auth.queries';

export function useMe() {
  return useQuery(meQueryOptions());
}

/** Drops everything cached for the previous user and records that nobody is signed in. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  queryClient.setQueryData(authKeys.me(), null);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (me) => {
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}

/** Forgetting the user makes the sign-in guard show the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Even if the server could not be told, this browser must stop acting as the user.
    onSettled: () => forgetSession(queryClient),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}
