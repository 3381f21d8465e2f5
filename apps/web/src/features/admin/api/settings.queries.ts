import { queryOptions } from '@tanstack/react-query';
import type { Settings, UpdateSettingsInput } from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';
import { adminKeys } from './admin.queries';

export function settingsQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.settings(),
    queryFn: ({ signal }): Promise<Settings> => unwrap(api.GET('/api/settings', { signal })),
  });
}

/** Only the settings given change; asset lifecycle years per type, too. */
export function updateSettings(changes: UpdateSettingsInput): Promise<Settings> {
  return unwrap(api.PATCH('/api/settings', { body: changes }));
}
