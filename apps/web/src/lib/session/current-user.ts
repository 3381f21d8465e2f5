import { createContext, useContext } from 'react';
import type { Me } from '../api/api-types';

/**
 * The signed-in user, provided by the sign-in guard. A context rather than a second
 * subscription to the "me" query: when the session ends, the guard unmounts the signed-in
 * screens before any of them can render without a user.
 */
export const CurrentUserContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser() is only available behind the sign-in guard');
  return me;
}
