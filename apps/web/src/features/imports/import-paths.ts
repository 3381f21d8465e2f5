import type { Role } from '../../lib/api/api-types';

/** Addresses of the import screens, for their links and the router. */
export const IMPORT_PATHS = {
  history: '/admin/imports',
} as const;

/** Only admins bring history in (the API agrees). */
export const IMPORTERS: readonly Role[] = ['admin'];
