import { randomUUID } from 'node:crypto';
import type { Random } from '../../../src/database/seed/history/random.js';
import type { ApiClient, ApiResponse } from '../../support/test-app.js';
import {
  changesCostEntry,
  isFinished,
  ownsNotification,
  queueOf,
  reportCountsTicket,
  reportScope,
  seesAsset,
  seesComment,
  seesCosts,
  seesImports,
  seesTicket,
  seesUser,
  ticketById,
  worksTicket,
  type MCostEntry,
  type MTicket,
  type MUser,
  type ReportName,
  type TicketStatus,
} from './access-model.js';
import type { Check, Expectation } from './check-runner.js';
import { REPORT_RANGE, type ModelTicket, type SecurityWorld } from './security-world.js';

export type CheckFactory = (world: SecurityWorld, rng: Random) => Check;

const OK: Expectation = { outcome: 'ok' };
const HIDDEN: Expectation = { outcome: 'as-missing', status: 404 };
/** A route the caller's role may not use at all: 403 whatever record it names (and for a missing one). */
const ROLE_REFUSED: Expectation = { outcome: 'as-missing', status: 403 };

/** Event types that are staff facts (assignment, time and money): never shown to someone who does not work the ticket. */
const STAFF_EVENT_TYPES = new Set([
  'assigned',
  'priority_overridden',
  'work_logged',
  'work_log_changed',
  'work_log_deleted',
  'expense_added',
  'expense_changed',
  'expense_deleted',
]);
/** Fields of a ticket only staff who work it see (issue 3: "requesters never see … staff-only fields"). */
const STAFF_TICKET_FIELDS = ['workClass', 'source', 'priorityOverrideReason'];

/**
 * Half the time a record "near" the user (their own ticket, or one in a restricted queue they
 * belong to), so allowed and forbidden outcomes are both well represented for every role.
 */
function pickTicket(world: SecurityWorld, rng: Random, user: MUser, pool: readonly ModelTicket[] = world.tickets): ModelTicket {
  if (rng.chance(0.45)) {
    const near = pool.filter((t) => t.requesterId === user.id || queueOf(world, t).memberIds.has(user.id));
    if (near.length) return rng.pick(near);
  }
  return rng.pick(pool);
}

/** A ticket's id or its number (both address it); and the same form naming no ticket. */
function ticketRef(rng: Random, ticket: MTicket): { ref: string; form: 'id' | 'number'; missing: () => string } {
  if (rng.chance(0.4)) {
    const prefix = ticket.number.slice(0, 3);
    return { ref: ticket.number, form: 'number', missing: () => `${prefix}-9${String(rng.int(0, 99_999)).padStart(5, '0')}` };
  }
  return { ref: ticket.id, form: 'id', missing: randomUUID };
}

function sameIds(got: { id: string }[], want: readonly string[]): string | undefined {
  const g = [...new Set(got.map((x) => x.id))].sort();
  const w = [...want].sort();
  if (got.length !== g.length) return `duplicate ids in the answer`;
  const extra = g.filter((id) => !w.includes(id));
  const absent = w.filter((id) => !g.includes(id));
  if (extra.length || absent.length) return `extra ${JSON.stringify(extra)} absent ${JSON.stringify(absent)}`;
  return undefined;
}

const user = (world: SecurityWorld, rng: Random): MUser => rng.pick(world.users);

// ---------------------------------------------------------------------------------------------

const ticketRead: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const ticket = pickTicket(world, rng, actor);
  const { ref, form, missing } = ticketRef(rng, ticket);
  return {
    family: 'tickets.read',
    actor,
    action: `GET /api/tickets/${ref}`,
    locks: [ticket.id],
    expect: () => (seesTicket(world, actor, ticket) ? OK : HIDDEN),
    send: (c) => c.get(`/api/tickets/${ref}`),
    missing: { key: `ticket|${form}`, send: (c) => c.get(`/api/tickets/${missing()}`) },
    verify: (res) => {
      if (res.body.id !== ticket.id) return `answered ticket ${res.body.id}`;
      const works = worksTicket(world, actor, ticket);
      const shown = STAFF_TICKET_FIELDS.filter((f) => f in res.body);
      if (!works && shown.length) return `staff-only fields shown: ${shown.join(', ')}`;
      if (works && !('workClass' in res.body)) return 'staff do not get workClass';
      return undefined;
    },
  };
};

const ticketUpdate: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const ticket = pickTicket(world, rng, actor);
  const { ref, form, missing } = ticketRef(rng, ticket);
  const staffField = rng.chance(0.3);
  const title = `Retitled ${rng.int(0, 1e9)}`;
  const priority = rng.pick(['P1', 'P2', 'P3', 'P4'] as const);
  const body = () =>
    staffField
      ? { version: ticket.version, priority, priorityReason: 'Security suite override' }
      : { version: ticket.version, title };
  return {
    family: 'tickets.update',
    actor,
    action: `PATCH /api/tickets/${ref} {${staffField ? 'priority' : 'title'}}`,
    locks: [ticket.id],
    expect: () => {
      if (!seesTicket(world, actor, ticket)) return HIDDEN;
      if (worksTicket(world, actor, ticket)) return OK;
      // The requester: staff fields are refused by name; a finished ticket is no longer theirs to edit.
      if (staffField) return { outcome: 'refused', status: 403, code: 'forbidden_fields' };
      return isFinished(ticket) ? { outcome: 'refused', status: 409 } : OK;
    },
    send: (c) => c.patch(`/api/tickets/${ref}`, body()),
    missing: { key: `ticket-patch|${form}`, send: (c) => c.patch(`/api/tickets/${missing()}`, { version: 1, title }) },
    verify: (res) => {
      if (res.body.version !== ticket.version + 1) return `version ${res.body.version}, the model expects ${ticket.version + 1}`;
      return staffField && res.body.priority !== priority ? `priority is ${res.body.priority}` : undefined;
    },
    // Every accepted change here is a real one (a fresh title; an override with its reason), so the version moves.
    apply: () => {
      ticket.version += 1;
      if (staffField) ticket.priority = priority;
      else ticket.title = title;
    },
  };
};

/** Statuses any staff member may toggle between (brief: in_progress ↔ waiting_on_vendor), so every check is a real move. */
const TOGGLE: Partial<Record<TicketStatus, TicketStatus>> = {
  in_progress: 'waiting_on_vendor',
  waiting_on_vendor: 'in_progress',
};

const ticketStatus: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const pool = world.tickets.filter((t) => TOGGLE[t.status]);
  const ticket = pickTicket(world, rng, actor, pool);
  const { ref, form, missing } = ticketRef(rng, ticket);
  return {
    family: 'tickets.status',
    actor,
    action: `PATCH /api/tickets/${ref} {status}`,
    locks: [ticket.id],
    expect: () => {
      if (!seesTicket(world, actor, ticket)) return HIDDEN;
      return worksTicket(world, actor, ticket) ? OK : { outcome: 'refused', status: 403, code: 'forbidden_fields' };
    },
    send: (c) => c.patch(`/api/tickets/${ref}`, { version: ticket.version, status: TOGGLE[ticket.status] }),
    missing: {
      key: `ticket-patch-status|${form}`,
      send: (c) => c.patch(`/api/tickets/${missing()}`, { version: 1, status: 'in_progress' }),
    },
    verify: (res) => (res.body.status !== TOGGLE[ticket.status] ? `status is ${res.body.status}` : undefined),
    apply: () => {
      ticket.status = TOGGLE[ticket.status]!;
      ticket.version += 1;
    },
  };
};

const ticketAssign: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const ticket = pickTicket(world, rng, actor);
  const { ref, form, missing } = ticketRef(rng, ticket);
  // Someone who may hold it: active staff who see its queue; or nobody.
  const candidates = world.users.filter((u) => u.role !== 'requester' && worksTicket(world, u, ticket));
  const assigneeId = rng.chance(0.3) ? null : rng.pick(candidates).id;
  return {
    family: 'tickets.assign',
    actor,
    action: `PATCH /api/tickets/${ref} {assigneeId: ${assigneeId ? 'staff' : 'null'}}`,
    locks: [ticket.id],
    expect: () => {
      if (!seesTicket(world, actor, ticket)) return HIDDEN;
      return worksTicket(world, actor, ticket) ? OK : { outcome: 'refused', status: 403, code: 'forbidden_fields' };
    },
    send: (c) => c.patch(`/api/tickets/${ref}`, { version: ticket.version, assigneeId }),
    missing: {
      key: `ticket-patch-assign|${form}`,
      send: (c) => c.patch(`/api/tickets/${missing()}`, { version: 1, assigneeId }),
    },
    verify: (res) =>
      (res.body.assignee?.id ?? null) !== assigneeId ? `assignee is ${JSON.stringify(res.body.assignee)}` : undefined,
    apply: () => {
      if (ticket.assigneeId === assigneeId) return;
      ticket.assigneeId = assigneeId;
      ticket.version += 1;
      // Brief: new → assigned; taking the assignee away from an assigned ticket makes it new again.
      if (assigneeId && ticket.status === 'new') ticket.status = 'assigned';
      if (!assigneeId && ticket.status === 'assigned') ticket.status = 'new';
    },
  };
};

const commentsList: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const ticket = pickTicket(world, rng, actor);
  const { ref, form, missing } = ticketRef(rng, ticket);
  return {
    family: 'comments.list',
    actor,
    action: `GET /api/tickets/${ref}/comments`,
    locks: [ticket.id],
    expect: () => (seesTicket(world, actor, ticket) ? OK : HIDDEN),
    send: (c) => c.get(`/api/tickets/${ref}/comments`),
    missing: { key: `comments|${form}`, send: (c) => c.get(`/api/tickets/${missing()}/comments`) },
    verify: (res) =>
      sameIds(
        res.body.items,
        world.comments.filter((x) => x.ticketId === ticket.id && seesComment(world, actor, x)).map((x) => x.id),
      ),
  };
};

const commentsCreate: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const ticket = pickTicket(world, rng, actor);
  const { ref, form, missing } = ticketRef(rng, ticket);
  const internal = rng.chance(0.35);
  const body = { body: `Security suite ${internal ? 'note' : 'reply'} ${rng.int(0, 1e9)}`, internal };
  return {
    family: 'comments.create',
    actor,
    action: `POST /api/tickets/${ref}/comments {internal: ${internal}}`,
    locks: [ticket.id],
    expect: () => {
      if (!seesTicket(world, actor, ticket)) return HIDDEN;
      const works = worksTicket(world, actor, ticket);
      if (internal && !works) return { outcome: 'refused', status: 403 };
      if (!works && isFinished(ticket)) return { outcome: 'refused', status: 409 };
      return { outcome: 'ok', status: 201 };
    },
    send: (c) => c.post(`/api/tickets/${ref}/comments`, body),
    missing: { key: `comment-post|${form}`, send: (c) => c.post(`/api/tickets/${missing()}/comments`, body) },
    verify: (res) => (res.body.internal !== internal ? `internal is ${res.body.internal}` : undefined),
    apply: (res) => {
      world.comments.push({ id: res.body.id, ticketId: ticket.id, authorId: actor.id, internal });
      // Issue 3: the requester's reply on a ticket waiting for them, or on a resolved one, puts it back in progress.
      if (!worksTicket(world, actor, ticket) && (ticket.status === 'waiting_on_requester' || ticket.status === 'resolved')) {
        ticket.status = 'in_progress';
        ticket.version += 1;
      }
    },
  };
};

const events: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const ticket = pickTicket(world, rng, actor);
  const { ref, form, missing } = ticketRef(rng, ticket);
  return {
    family: 'events',
    actor,
    action: `GET /api/tickets/${ref}/events`,
    locks: [ticket.id],
    expect: () => (seesTicket(world, actor, ticket) ? OK : HIDDEN),
    send: (c) => c.get(`/api/tickets/${ref}/events`),
    missing: { key: `events|${form}`, send: (c) => c.get(`/api/tickets/${missing()}/events`) },
    verify: (res) => {
      const items = res.body.items as { type: string; data: { internal?: boolean; commentId?: string } }[];
      if (worksTicket(world, actor, ticket)) {
        const comments = world.comments.filter((x) => x.ticketId === ticket.id).length;
        const commented = items.filter((e) => e.type === 'commented').length;
        return commented === comments ? undefined : `staff see ${commented} comment events of ${comments}`;
      }
      const leaked = items.filter((e) => STAFF_EVENT_TYPES.has(e.type) || e.data?.internal === true);
      return leaked.length ? `staff facts shown: ${leaked.map((e) => e.type).join(', ')}` : undefined;
    },
  };
};

/** Work logs and expenses: list, add, and change or delete an entry (possibly through another ticket's address). */
function costEntries(kind: 'work-logs' | 'expenses'): CheckFactory {
  return (world, rng) => {
    const actor = user(world, rng);
    const entries: MCostEntry[] = kind === 'work-logs' ? world.workLogs : world.expenses;
    const op = rng.weighted([
      ['list', 4],
      ['create', 2],
      ['patch', 2],
      ['delete', 1],
    ] as const);
    const family = kind;
    if (op === 'list' || op === 'create' || entries.length === 0) {
      const ticket = pickTicket(world, rng, actor);
      const { ref, form, missing } = ticketRef(rng, ticket);
      const amount = kind === 'work-logs' ? rng.int(5, 120) : rng.int(100, 90_000);
      const body =
        kind === 'work-logs'
          ? { workDate: '2026-02-27', minutes: amount, note: 'Security suite' }
          : { type: 'parts', amountCents: amount, spentOn: '2026-02-27', vendor: 'Suite Parts' };
      const create = op === 'create';
      return {
        family,
        actor,
        action: `${create ? 'POST' : 'GET'} /api/tickets/${ref}/${kind}`,
        locks: [ticket.id],
        expect: () => (seesCosts(world, actor, ticket) ? (create ? { outcome: 'ok', status: 201 } : OK) : HIDDEN),
        send: (c) => (create ? c.post(`/api/tickets/${ref}/${kind}`, body) : c.get(`/api/tickets/${ref}/${kind}`)),
        missing: {
          key: `${kind}-${op}|${form}`,
          send: (c) => (create ? c.post(`/api/tickets/${missing()}/${kind}`, body) : c.get(`/api/tickets/${missing()}/${kind}`)),
        },
        verify: (res) =>
          create
            ? undefined
            : sameIds(
                res.body.items,
                entries.filter((e) => e.ticketId === ticket.id).map((e) => e.id),
              ),
        apply: (res) => {
          if (create) entries.push({ id: res.body.id, ticketId: ticket.id, createdById: actor.id, amount, day: '2026-02-27' });
        },
      };
    }
    // An entry, addressed through its own ticket or (IDOR probe) through another; sometimes one deleted already.
    const stale = [...world.deletedEntryIds];
    const entry = rng.chance(0.9) || stale.length === 0 ? rng.pick(entries) : null;
    const entryId = entry?.id ?? rng.pick(stale);
    const ticket = entry && rng.chance(0.65) ? ticketById(world, entry.ticketId) : pickTicket(world, rng, actor);
    const { ref, form, missing } = ticketRef(rng, ticket);
    const amount = kind === 'work-logs' ? rng.int(5, 120) : rng.int(100, 90_000);
    const body = kind === 'work-logs' ? { minutes: amount } : { amountCents: amount };
    const del = op === 'delete';
    const send = (c: ApiClient, t: string, e: string) =>
      del ? c.delete(`/api/tickets/${t}/${kind}/${e}`) : c.patch(`/api/tickets/${t}/${kind}/${e}`, body);
    // The missing entry is probed through a ticket the caller works, so the answer is the entry's own 404.
    const worked = world.tickets.find((t) => seesCosts(world, actor, t));
    return {
      family,
      actor,
      action: `${del ? 'DELETE' : 'PATCH'} /api/tickets/${ref}/${kind}/${entryId}${entry && entry.ticketId !== ticket.id ? ' (another ticket’s entry)' : ''}`,
      locks: [ticket.id, ...(entry ? [entry.ticketId] : [])],
      expect: () => {
        if (!seesCosts(world, actor, ticket)) return HIDDEN;
        const current = entries.find((e) => e.id === entryId);
        if (!current || current.ticketId !== ticket.id) return { outcome: 'as-missing', status: 404 };
        if (!changesCostEntry(actor, current)) return { outcome: 'refused', status: 403 };
        return { outcome: 'ok', status: del ? 204 : 200 };
      },
      send: (c) => send(c, ref, entryId),
      // Which missing record the answer must look like depends on what the model hides: the ticket, or just the entry.
      get missing() {
        const hidesTicket = !seesCosts(world, actor, ticket);
        return hidesTicket || !worked
          ? { key: `${kind}-${op}-entry|${form}|ticket`, send: (c: ApiClient) => send(c, missing(), randomUUID()) }
          : { key: `${kind}-${op}-entry|entry`, send: (c: ApiClient) => send(c, worked.id, randomUUID()) };
      },
      apply: () => {
        const index = entries.findIndex((e) => e.id === entryId);
        if (del) {
          entries.splice(index, 1);
          world.deletedEntryIds.add(entryId);
        } else entries[index]!.amount = amount;
      },
    };
  };
}

const slaTimeline: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const ticket = pickTicket(world, rng, actor);
  const { ref, form, missing } = ticketRef(rng, ticket);
  return {
    family: 'sla',
    actor,
    action: `GET /api/tickets/${ref}/sla`,
    locks: [ticket.id],
    expect: () => (seesTicket(world, actor, ticket) ? OK : HIDDEN),
    send: (c) => c.get(`/api/tickets/${ref}/sla`),
    missing: { key: `sla|${form}`, send: (c) => c.get(`/api/tickets/${missing()}/sla`) },
    // README: the timeline shows escalations to staff only.
    verify: (res) =>
      !worksTicket(world, actor, ticket) && Array.isArray(res.body.escalations) && res.body.escalations.length > 0
        ? 'escalations shown to someone who does not work the ticket'
        : undefined,
  };
};

const assets: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const own = world.assets.filter((a) => a.departmentId === actor.departmentId);
  const asset = own.length && rng.chance(0.4) ? rng.pick(own) : rng.pick(world.assets);
  const tickets = rng.chance(0.4);
  const path = (id: string) => (tickets ? `/api/assets/${id}/tickets?limit=100` : `/api/assets/${id}`);
  return {
    family: 'assets',
    actor,
    action: `GET ${path(asset.id)}`,
    locks: world.tickets.filter((t) => t.assetId === asset.id).map((t) => t.id),
    expect: () => (seesAsset(actor, asset) ? OK : HIDDEN),
    send: (c) => c.get(path(asset.id)),
    missing: { key: `asset|${tickets}`, send: (c) => c.get(path(randomUUID())) },
    verify: (res) => {
      if (tickets) {
        if (res.body.nextCursor !== null) return 'more than one page for a handful of tickets';
        return sameIds(
          res.body.items,
          world.tickets.filter((t) => t.assetId === asset.id && seesTicket(world, actor, t)).map((t) => t.id),
        );
      }
      if (res.body.id !== asset.id) return `answered asset ${res.body.id}`;
      // Issue 5: requesters never see costs (an asset's cost to date is its tickets' costs).
      if (actor.role === 'requester' && 'costToDate' in res.body) return 'cost to date shown to a requester';
      return undefined;
    },
  };
};

const notificationRead: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const own = world.notifications.filter((n) => n.userId === actor.id);
  const notification = rng.chance(0.5) && own.length ? rng.pick(own) : rng.pick(world.notifications);
  return {
    family: 'notifications',
    actor,
    action: `POST /api/notifications/${notification.id}/read`,
    locks: [notification.id],
    expect: () => (ownsNotification(actor, notification) ? { outcome: 'ok', status: 200 } : HIDDEN),
    send: (c) => c.post(`/api/notifications/${notification.id}/read`),
    missing: { key: 'notification-read', send: (c) => c.post(`/api/notifications/${randomUUID()}/read`) },
    verify: (res) => (res.body.id !== notification.id || !res.body.readAt ? `answered ${JSON.stringify(res.body)}` : undefined),
    apply: () => {
      notification.read = true;
    },
  };
};

const REPORTS: readonly ReportName[] = ['spend', 'response-times', 'sla-compliance', 'volume', 'asset-refresh', 'prevention'];

/**
 * A report with a filter naming a record (a queue or a department), or none. The figures must
 * count exactly the tickets (or the time and money) the model lets the caller count.
 */
const reports: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const report = rng.pick(REPORTS);
  const filter = rng.weighted([
    ['none', 2],
    ['queueId', 3],
    ['departmentId', 2],
  ] as const);
  const value =
    filter === 'queueId' ? rng.pick(world.queues).id : filter === 'departmentId' ? rng.pick(world.departments).id : '';
  const range = report === 'asset-refresh' ? '' : `from=${REPORT_RANGE.from}&to=${REPORT_RANGE.to}`;
  const query = (v: string) =>
    [range, filter === 'none' || (report === 'asset-refresh' && filter === 'queueId') ? '' : `${filter}=${v}`]
      .filter(Boolean)
      .join('&');
  const path = (v: string) => `/api/reports/${report}?${query(v)}`;
  const matches = (t: MTicket) => filter === 'none' || (filter === 'queueId' ? t.queueId === value : t.departmentId === value);
  return {
    family: 'reports',
    actor,
    action: `GET ${path(value)}`,
    expect: () => (reportScope(actor, report) === 'none' ? ROLE_REFUSED : OK),
    send: (c) => c.get(path(value)),
    missing: { key: `report|${report}|${filter}`, send: (c) => c.get(path(randomUUID())) },
    verify: (res) => {
      const counted = world.tickets.filter((t) => matches(t) && reportCountsTicket(world, actor, report, t));
      const sum = (rows: Record<string, number>[], field: string) => rows.reduce((s, r) => s + (r[field] ?? 0), 0);
      switch (report) {
        case 'volume':
        case 'response-times':
        case 'sla-compliance': {
          const field = report === 'volume' ? 'created' : 'ticketCount';
          const got = sum(res.body.rows, field);
          return got === counted.length ? undefined : `${field} ${got}, the model counts ${counted.length}`;
        }
        case 'spend': {
          const ids = new Set(counted.map((t) => t.id));
          const minutes = world.workLogs.filter((e) => ids.has(e.ticketId)).reduce((s, e) => s + e.amount, 0);
          const cents = world.expenses.filter((e) => ids.has(e.ticketId)).reduce((s, e) => s + e.amount, 0);
          const got = { minutes: sum(res.body.periods, 'labourMinutes'), cents: sum(res.body.periods, 'expenseCents') };
          return got.minutes === minutes && got.cents === cents
            ? undefined
            : `labour ${got.minutes} min and expenses ${got.cents}, the model counts ${minutes} and ${cents}`;
        }
        case 'asset-refresh':
        case 'prevention':
          return undefined;
      }
    },
  };
};

const imports: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const run = rng.pick(world.importRuns);
  const [what, path] = rng.pick([
    ['run', (id: string) => `/api/imports/${id}`],
    ['errors', (id: string) => `/api/imports/${id}/errors.csv`],
    ['file', (id: string) => `/api/imports/files/${id}`],
  ] as const);
  const id = what === 'file' ? run.fileId : run.id;
  return {
    family: 'imports',
    actor,
    action: `GET ${path(id)}`,
    expect: () => (seesImports(actor) ? OK : ROLE_REFUSED),
    send: (c) => c.get(path(id)),
    missing: { key: `import|${what}`, send: (c) => c.get(path(randomUUID())) },
  };
};

const users: CheckFactory = (world, rng) => {
  const actor = user(world, rng);
  const target = rng.chance(0.2) ? actor : rng.pick(world.users);
  return {
    family: 'users',
    actor,
    action: `GET /api/users/${target.id}${target === actor ? ' (self)' : ''}`,
    expect: () => (seesUser(actor, target) ? OK : HIDDEN),
    send: (c) => c.get(`/api/users/${target.id}`),
    missing: { key: 'user', send: (c) => c.get(`/api/users/${randomUUID()}`) },
    verify: (res) => {
      if (res.body.id !== target.id) return `answered user ${res.body.id}`;
      const secret = Object.keys(res.body).filter((k) => /^password|hash|token|secret/i.test(k));
      return secret.length ? `secret fields: ${secret.join(', ')}` : undefined;
    },
  };
};

/** Every record-scoped route family, in the order they run (reads of a family never race its writes). */
export const FAMILIES: readonly { name: string; make: CheckFactory }[] = [
  { name: 'tickets.read', make: ticketRead },
  { name: 'tickets.update', make: ticketUpdate },
  { name: 'tickets.status', make: ticketStatus },
  { name: 'tickets.assign', make: ticketAssign },
  { name: 'comments.list', make: commentsList },
  { name: 'comments.create', make: commentsCreate },
  { name: 'events', make: events },
  { name: 'work-logs', make: costEntries('work-logs') },
  { name: 'expenses', make: costEntries('expenses') },
  { name: 'sla', make: slaTimeline },
  { name: 'assets', make: assets },
  { name: 'notifications', make: notificationRead },
  { name: 'reports', make: reports },
  { name: 'imports', make: imports },
  { name: 'users', make: users },
];

export type { ApiResponse };
