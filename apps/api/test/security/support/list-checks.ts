import type { Random } from '../../../src/database/seed/history/random.js';
import type { ApiClient } from '../../support/test-app.js';
import {
  listsUsers,
  OPEN_STATUSES,
  queueOf,
  seesAsset,
  seesImports,
  seesQueueCounts,
  seesTicket,
  staffSeesQueue,
  type MUser,
  type TicketStatus,
} from './access-model.js';
import type { Mismatch } from './check-runner.js';
import { clientOf, type ModelTicket, type SecurityWorld } from './security-world.js';

/**
 * List routes: for a user and a random query, every page is walked and the union compared with
 * what the model lets them see (lists that page promise completeness, so nothing may be absent
 * either). Each probe returns the mismatches it found.
 */
export type ListProbe = (world: SecurityWorld, rng: Random, user: MUser) => Promise<Mismatch[]>;

const ALL_STATUSES: TicketStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'waiting_on_requester',
  'waiting_on_vendor',
  'resolved',
  'closed',
  'canceled',
];
const MAX_PAGES = 400;

interface Page {
  items: { id: string }[];
  nextCursor: string | null;
}

/** Follows nextCursor to the end; refuses a page over its limit and an item listed twice. */
async function walk(
  client: ApiClient,
  path: string,
  params: URLSearchParams,
  limit: number,
): Promise<{ ids: string[]; status: number; problem?: string; body?: unknown }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams(params);
    query.set('limit', String(limit));
    if (cursor) query.set('cursor', cursor);
    const res = await client.get<Page>(`${path}?${query.toString()}`);
    if (res.status !== 200) return { ids, status: res.status, body: res.body };
    if (res.body.items.length > limit)
      return { ids, status: 200, problem: `a page of ${res.body.items.length} over limit ${limit}` };
    ids.push(...res.body.items.map((i) => i.id));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  if (cursor) return { ids, status: 200, problem: `more than ${MAX_PAGES} pages` };
  if (new Set(ids).size !== ids.length) return { ids, status: 200, problem: 'an item listed twice across pages' };
  return { ids, status: 200 };
}

function compare(got: readonly string[], want: readonly string[], label: (id: string) => string): string | undefined {
  const g = new Set(got);
  const w = new Set(want);
  const leaked = got.filter((id) => !w.has(id));
  const absent = want.filter((id) => !g.has(id));
  if (!leaked.length && !absent.length) return undefined;
  return [
    leaked.length ? `FORBIDDEN or unmatched listed: ${leaked.slice(0, 5).map(label).join(', ')}` : '',
    absent.length ? `allowed but absent: ${absent.slice(0, 5).map(label).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

const mismatch = (family: string, user: MUser, action: string, expected: string, got: string, note: string): Mismatch => ({
  family,
  actor: `${user.role} ${user.name}`,
  action,
  expected,
  got,
  note,
});

/** The list filters of GET /api/tickets (issue 3), as the model reads them. */
interface TicketQuery {
  status?: TicketStatus[];
  queueId?: string;
  assigneeId?: string;
  requesterId?: string;
  departmentId?: string;
  kind?: ModelTicket['kind'];
  workClass?: ModelTicket['workClass'];
  priority?: ModelTicket['priority'];
  categoryId?: string;
  assetId?: string;
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  sort?: 'due' | 'created' | 'updated' | 'priority';
}

function randomTicketQuery(world: SecurityWorld, rng: Random): TicketQuery {
  const q: TicketQuery = {};
  const some = (p: number) => rng.chance(p);
  if (some(0.3)) q.status = ALL_STATUSES.filter(() => rng.chance(0.4));
  // Filters naming records the caller may not see are part of the probe: they must narrow, never widen.
  if (some(0.3)) q.queueId = rng.chance(0.25) ? 'mine' : rng.pick(world.queues).id;
  if (some(0.2)) q.assigneeId = rng.pick(['me', 'none', rng.pick(world.users).id]);
  if (some(0.2)) q.requesterId = rng.chance(0.4) ? 'me' : rng.pick(world.users).id;
  if (some(0.2)) q.departmentId = rng.pick(world.departments).id;
  if (some(0.15)) q.kind = rng.pick(['incident', 'service_request', 'maintenance'] as const);
  if (some(0.1)) q.workClass = rng.pick(['reactive', 'service', 'proactive'] as const);
  if (some(0.15)) q.priority = rng.pick(['P1', 'P2', 'P3', 'P4'] as const);
  if (some(0.1)) q.categoryId = rng.pick(world.categories).id;
  if (some(0.1)) q.assetId = rng.pick(world.assets).id;
  if (some(0.2)) q.createdFrom = new Date(Date.parse('2025-03-01T00:00:00Z') + rng.int(0, 300) * 86_400_000).toISOString();
  if (some(0.2)) q.createdTo = new Date(Date.parse('2025-06-01T00:00:00Z') + rng.int(0, 300) * 86_400_000).toISOString();
  if (some(0.1)) q.q = rng.pick(world.tickets).number;
  q.sort = rng.pick(['due', 'created', 'updated', 'priority'] as const);
  return q;
}

function matchesTicketQuery(world: SecurityWorld, user: MUser, t: ModelTicket, q: TicketQuery): boolean {
  if (q.status?.length && !q.status.includes(t.status)) return false;
  if (q.queueId === 'mine' ? !queueOf(world, t).memberIds.has(user.id) : q.queueId && t.queueId !== q.queueId) return false;
  if (q.assigneeId && t.assigneeId !== (q.assigneeId === 'none' ? null : q.assigneeId === 'me' ? user.id : q.assigneeId))
    return false;
  if (q.requesterId && t.requesterId !== (q.requesterId === 'me' ? user.id : q.requesterId)) return false;
  if (q.departmentId && t.departmentId !== q.departmentId) return false;
  if (q.kind && t.kind !== q.kind) return false;
  if (q.workClass && t.workClass !== q.workClass) return false;
  if (q.priority && t.priority !== q.priority) return false;
  if (q.categoryId && t.categoryId !== q.categoryId) return false;
  if (q.assetId && t.assetId !== q.assetId) return false;
  if (q.createdFrom && t.createdAt < new Date(q.createdFrom)) return false;
  if (q.createdTo && t.createdAt >= new Date(q.createdTo)) return false;
  if (q.q && t.number !== q.q) return false;
  return true;
}

export const ticketList: ListProbe = async (world, rng, user) => {
  const query = randomTicketQuery(world, rng);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  if (query.status?.length === 0) params.delete('status');
  const limit = rng.int(1, 40);
  const action = `GET /api/tickets?${params.toString()} (limit ${limit}, every page)`;
  const result = await walk(clientOf(world, user), '/api/tickets', params, limit);
  if (result.status !== 200 || result.problem)
    return [
      mismatch('tickets.list', user, action, 'ok 200', String(result.status), result.problem ?? JSON.stringify(result.body)),
    ];
  const want = world.tickets
    .filter((t) => seesTicket(world, user, t) && matchesTicketQuery(world, user, t, query))
    .map((t) => t.id);
  const problem = compare(result.ids, want, (id) => world.tickets.find((t) => t.id === id)?.number ?? id);
  return problem ? [mismatch('tickets.list', user, action, `${want.length} tickets`, `${result.ids.length}`, problem)] : [];
};

/** Badge counts (OpenAPI TicketCountsDto): open tickets I can see, mine, unassigned in my queues (all visible queues if I belong to none), per visible queue. */
export const ticketCounts: ListProbe = async (world, _rng, user) => {
  const res = await clientOf(world, user).get('/api/tickets/counts');
  const action = 'GET /api/tickets/counts';
  if (!seesQueueCounts(user))
    return res.status === 403 ? [] : [mismatch('tickets.counts', user, action, 'refused 403', String(res.status), '')];
  if (res.status !== 200)
    return [mismatch('tickets.counts', user, action, 'ok 200', String(res.status), JSON.stringify(res.body))];
  const open = world.tickets.filter((t) => OPEN_STATUSES.includes(t.status));
  const visible = open.filter((t) => seesTicket(world, user, t));
  const memberOf = world.queues.filter((q) => q.memberIds.has(user.id)).map((q) => q.id);
  const want = {
    open: visible.length,
    mine: visible.filter((t) => t.assigneeId === user.id).length,
    unassigned: visible.filter((t) => t.assigneeId === null && (memberOf.length === 0 || memberOf.includes(t.queueId))).length,
    queues: world.queues
      .filter((q) => staffSeesQueue(user, q))
      .map((q) => ({
        queueId: q.id,
        open: open.filter((t) => t.queueId === q.id).length,
        unassigned: open.filter((t) => t.queueId === q.id && t.assigneeId === null).length,
      }))
      .sort((a, b) => a.queueId.localeCompare(b.queueId)),
  };
  const got = {
    open: res.body.open,
    mine: res.body.mine,
    unassigned: res.body.unassigned,
    queues: (res.body.queues as { queueId: string; open: number; unassigned: number }[])
      .map(({ queueId, open: o, unassigned }) => ({ queueId, open: o, unassigned }))
      .sort((a, b) => a.queueId.localeCompare(b.queueId)),
  };
  return JSON.stringify(got) === JSON.stringify(want)
    ? []
    : [
        mismatch(
          'tickets.counts',
          user,
          action,
          JSON.stringify(want).slice(0, 300),
          JSON.stringify(got).slice(0, 300),
          'counts differ',
        ),
      ];
};

/** The bell (brief): my notifications only, every page; the unread filter and count agree. */
export const notificationList: ListProbe = async (world, rng, user) => {
  const unread = rng.chance(0.4);
  const params = new URLSearchParams(unread ? { unread: 'true' } : {});
  const limit = rng.int(1, 10);
  const action = `GET /api/notifications${unread ? '?unread=true' : ''} (limit ${limit}, every page)`;
  const client = clientOf(world, user);
  const result = await walk(client, '/api/notifications', params, limit);
  if (result.status !== 200 || result.problem)
    return [mismatch('notifications.list', user, action, 'ok 200', String(result.status), result.problem ?? '')];
  // The facts are the rows (checks add notifications as they reply and assign); the rule is "only your own".
  const rows: { id: string; user_id: string; read_at: Date | null }[] = await world.t.dataSource.query(
    `SELECT id, user_id, read_at FROM notifications`,
  );
  const want = rows.filter((r) => r.user_id === user.id && (!unread || r.read_at === null)).map((r) => r.id);
  const problems: Mismatch[] = [];
  const problem = compare(result.ids, want, (id) => `${id} of ${rows.find((r) => r.id === id)?.user_id ?? '?'}`);
  if (problem) problems.push(mismatch('notifications.list', user, action, `${want.length}`, `${result.ids.length}`, problem));
  const count = await client.get('/api/notifications/unread-count');
  const unreadCount = rows.filter((r) => r.user_id === user.id && r.read_at === null).length;
  if (count.body.count !== unreadCount)
    problems.push(
      mismatch('notifications.list', user, 'GET /api/notifications/unread-count', `${unreadCount}`, `${count.body.count}`, ''),
    );
  return problems;
};

/** Assets (issue 3): staff see all, employees their department's; filters only narrow. */
export const assetList: ListProbe = async (world, rng, user) => {
  const params = new URLSearchParams();
  if (rng.chance(0.4)) params.set('departmentId', rng.pick(world.departments).id);
  if (rng.chance(0.3)) params.set('type', rng.pick(['laptop', 'desktop', 'printer', 'server']));
  if (rng.chance(0.3)) params.set('status', rng.pick(['in_service', 'in_repair', 'retired']));
  const limit = rng.int(1, 15);
  const action = `GET /api/assets?${params.toString()} (limit ${limit}, every page)`;
  const result = await walk(clientOf(world, user), '/api/assets', params, limit);
  if (result.status !== 200 || result.problem)
    return [mismatch('assets.list', user, action, 'ok 200', String(result.status), result.problem ?? '')];
  const want = world.assets
    .filter(
      (a) =>
        seesAsset(user, a) &&
        (!params.has('departmentId') || a.departmentId === params.get('departmentId')) &&
        (!params.has('type') || a.type === params.get('type')) &&
        (!params.has('status') || a.status === params.get('status')),
    )
    .map((a) => a.id);
  const problem = compare(result.ids, want, (id) => id);
  return problem ? [mismatch('assets.list', user, action, `${want.length}`, `${result.ids.length}`, problem)] : [];
};

/** Users (issue 2): the list is for admins; everyone else is refused whatever the filter. */
export const userList: ListProbe = async (world, rng, user) => {
  const params = new URLSearchParams();
  if (rng.chance(0.4)) params.set('role', rng.pick(['requester', 'technician', 'manager', 'admin']));
  if (rng.chance(0.3)) params.set('departmentId', rng.pick(world.departments).id);
  const limit = rng.int(1, 10);
  const action = `GET /api/users?${params.toString()} (limit ${limit}, every page)`;
  const result = await walk(clientOf(world, user), '/api/users', params, limit);
  if (!listsUsers(user))
    return result.status === 403 ? [] : [mismatch('users.list', user, action, 'refused 403', String(result.status), '')];
  if (result.status !== 200 || result.problem)
    return [mismatch('users.list', user, action, 'ok 200', String(result.status), result.problem ?? '')];
  const want = world.users
    .filter(
      (u) =>
        (!params.has('role') || u.role === params.get('role')) &&
        (!params.has('departmentId') || u.departmentId === params.get('departmentId')),
    )
    .map((u) => u.id);
  const problem = compare(result.ids, want, (id) => id);
  return problem ? [mismatch('users.list', user, action, `${want.length}`, `${result.ids.length}`, problem)] : [];
};

/** Import runs: admins see every run; others are refused. */
export const importList: ListProbe = async (world, rng, user) => {
  const limit = rng.int(1, 5);
  const result = await walk(clientOf(world, user), '/api/imports', new URLSearchParams(), limit);
  const action = `GET /api/imports (limit ${limit}, every page)`;
  if (!seesImports(user))
    return result.status === 403 ? [] : [mismatch('imports.list', user, action, 'refused 403', String(result.status), '')];
  const problem =
    result.status === 200
      ? (result.problem ??
        compare(
          result.ids,
          world.importRuns.map((r) => r.id),
          (id) => id,
        ))
      : JSON.stringify(result.body);
  return problem ? [mismatch('imports.list', user, action, 'every run', String(result.status), problem)] : [];
};

/** Each probe, and how many random queries each user gets. */
export const LIST_PROBES: readonly { name: string; probe: ListProbe; perUser: number }[] = [
  { name: 'tickets list (random filters, sorts and page sizes)', probe: ticketList, perUser: 14 },
  { name: 'queue badge counts', probe: ticketCounts, perUser: 1 },
  { name: 'notifications list and unread count', probe: notificationList, perUser: 3 },
  { name: 'assets list', probe: assetList, perUser: 4 },
  { name: 'users list', probe: userList, perUser: 3 },
  { name: 'import runs list', probe: importList, perUser: 1 },
];
