import { OPEN_STATUSES } from '../modules/tickets/domain/ticket-vocabulary.js';
import type { HttpRequestSpec } from './load-runner.js';
import { REPORT_PREFIX, SCENARIO } from './targets.js';

/** Who a scenario's requests are made as. */
export type BenchRole = 'technician' | 'manager' | 'requester';

export interface Scenario {
  id: string;
  title: string;
  role: BenchRole;
  requests: HttpRequestSpec[];
  /** A read: its recorded SQL is replayed alone for the API ÷ raw ratio. */
  read: boolean;
}

export interface ScenarioContext {
  /** `?cursor=` of the deep queue page, and which page it is. */
  deepCursor: string | null;
  deepPage: number;
  /** Open tickets of the technician's queues (the first page), for detail, events and comments. */
  ticketIds: string[];
  categoryIds: string[];
  /** The reports' three years: `YYYY-MM-DD` in the city. */
  reportFrom: string;
  reportTo: string;
}

/** The technician's queue: open tickets of the queues they belong to, next due first, 50 rows. */
export function queuePath(limit: number, cursor?: string | null): string {
  const query = new URLSearchParams({ queueId: 'mine', status: OPEN_STATUSES.join(','), sort: 'due', limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return `/api/tickets?${query.toString()}`;
}

const IMPACTS = ['one_person', 'several_people', 'department'] as const;
const URGENCIES = ['inconvenience', 'work_degraded', 'can_wait'] as const;

/** The measured scenarios of issue 7, in the order they run. */
export function benchScenarios(c: ScenarioContext): Scenario[] {
  const reports: [string, string, string][] = [
    ['spend', 'Report: spend', 'groupBy=work_class'],
    ['response-times', 'Report: response times', 'groupBy=priority'],
    ['sla-compliance', 'Report: SLA compliance', 'groupBy=department'],
    ['volume', 'Report: volume and backlog', ''],
    ['prevention', 'Report: does prevention pay', ''],
    ['asset-refresh', 'Report: asset refresh forecast', ''],
  ];
  return [
    { id: SCENARIO.queuePage, title: 'Queue page 1 (50 rows)', role: 'technician', read: true, requests: [get(queuePath(50))] },
    {
      id: SCENARIO.deepPage,
      title: `Queue page ${c.deepPage} (by cursor)`,
      role: 'technician',
      read: true,
      requests: [get(queuePath(50, c.deepCursor))],
    },
    { id: SCENARIO.badge, title: 'Queue badge counts', role: 'technician', read: true, requests: [get('/api/tickets/counts')] },
    {
      id: SCENARIO.detail,
      title: 'Ticket detail',
      role: 'technician',
      read: true,
      requests: c.ticketIds.map((id) => get(`/api/tickets/${id}`)),
    },
    {
      id: SCENARIO.events,
      title: 'Ticket events',
      role: 'technician',
      read: true,
      requests: c.ticketIds.map((id) => get(`/api/tickets/${id}/events`)),
    },
    ...reports.map(([path, title, extra]): Scenario => ({
      id: `${REPORT_PREFIX}${path}`,
      title: `${title} (3 years)`,
      role: 'manager',
      read: true,
      requests: [
        get(
          path === 'asset-refresh'
            ? `/api/reports/${path}`
            : `/api/reports/${path}?from=${c.reportFrom}&to=${c.reportTo}${extra ? `&${extra}` : ''}`,
        ),
      ],
    })),
    {
      id: SCENARIO.create,
      title: 'Create a ticket',
      role: 'requester',
      read: false,
      requests: [
        {
          method: 'POST',
          path: '/api/tickets',
          body: (n: number) => ({
            title: `Benchmark ticket ${n}: the scanner sends empty pages`,
            description: 'Filed by the benchmark harness.',
            impact: IMPACTS[n % IMPACTS.length],
            urgency: URGENCIES[n % URGENCIES.length],
            ...(c.categoryIds.length ? { categoryId: c.categoryIds[n % c.categoryIds.length] } : {}),
          }),
        },
      ],
    },
    {
      id: SCENARIO.comment,
      title: 'Add a comment (public reply)',
      role: 'technician',
      read: false,
      requests: c.ticketIds.map((id) => ({
        method: 'POST' as const,
        path: `/api/tickets/${id}/comments`,
        body: (n: number) => ({ body: `Looking into it (benchmark reply ${n}).`, internal: false }),
      })),
    },
  ];
}

function get(path: string): HttpRequestSpec {
  return { method: 'GET', path };
}
