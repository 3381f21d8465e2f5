import { aCategory, aDepartment, aMe, aQueue } from '../../../testing/fixtures';
import { createFetchStub, json, type FetchStub } from '../../../testing/fetch-stub';
import {
  aPreventionReportByCategory,
  aPreventionReportByDepartment,
  anAssetRefreshReport,
  anSlaComplianceReport,
  aResponseTimesReport,
  aSpendReport,
  aVolumeReport,
  FINANCE,
  HARDWARE,
  NETWORK_CATEGORY,
  POLICE,
} from './report-fixtures';

export const SERVICE_DESK = aQueue({ id: '00000000-0000-4000-8000-00000000e001', name: 'Service Desk' });

/** A manager signed in, the city's departments, queues and categories, and every report answering. */
export function dashboardNetwork(): FetchStub {
  return createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'manager' })),
    'GET /api/departments': json(200, { items: [aDepartment(FINANCE), aDepartment({ ...POLICE, code: 'PD' })] }),
    'GET /api/queues': json(200, { items: [SERVICE_DESK] }),
    'GET /api/categories': json(200, { items: [aCategory(HARDWARE), aCategory(NETWORK_CATEGORY)] }),
    'GET /api/notifications/unread-count': json(200, { count: 0 }),
    'GET /api/reports/spend': json(200, aSpendReport()),
    'GET /api/reports/response-times': json(200, aResponseTimesReport()),
    'GET /api/reports/sla-compliance': json(200, anSlaComplianceReport()),
    'GET /api/reports/volume': json(200, aVolumeReport()),
    'GET /api/reports/asset-refresh': json(200, anAssetRefreshReport()),
    'GET /api/reports/prevention': (request) =>
      json(200, request.path.includes('groupBy=category') ? aPreventionReportByCategory() : aPreventionReportByDepartment()),
  });
}

/** The query of the last request for a report, as name–value pairs. */
export function lastReportQuery(network: FetchStub, report: string): Record<string, string> {
  const path = network.calls(`GET /api/reports/${report}`).at(-1)?.path ?? '';
  return Object.fromEntries(new URLSearchParams(path.split('?')[1] ?? ''));
}
