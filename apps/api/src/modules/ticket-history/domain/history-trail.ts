import type { TicketStatus } from '@civicdesk/sla';
import type { NewTicketEvent } from '../../tickets/ticket-events.js';

/**
 * A ticket's past told by its milestones, as a history import or the demo city knows it: when it
 * was opened, first answered, paused, resolved (and reopened), and closed. The trail turns them
 * into the same audit events the live API writes, so the SLA clock replays history exactly as it
 * replays live work (brief rules 1–4).
 */
export interface TicketMilestones {
  openedAt: Date;
  /** The requester filed it (the `created` event's actor). */
  requesterId: string;
  /** Who filed it, when not the requester (a service desk agent on the phone, an import). */
  createdById: string;
  /** Staff who worked it: the assignment, the first response and the resolution are theirs. */
  assigneeId: string | null;
  /** Staff who answered and resolved it when nobody is assigned (an import's actor, say). */
  workerId: string;
  /** The first staff response: a move to in progress. */
  firstResponseAt: Date | null;
  /** Waiting on the requester or a vendor: the resolution clock pauses (brief rule 3). */
  pauses?: readonly { from: Date; to: Date; status: 'waiting_on_requester' | 'waiting_on_vendor' }[];
  /** Resolutions the requester reopened, before the final one (brief rule 4). */
  reopened?: readonly { resolvedAt: Date; reopenedAt: Date }[];
  /** The final resolution. */
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** Closed without a fix (a duplicate, withdrawn): `closedAt` is when. */
  canceled?: boolean;
}

/** One event of the trail, with its own time and actor (null: CivicDesk itself). */
export interface TrailEvent {
  at: Date;
  actorId: string | null;
  event: NewTicketEvent;
}

export interface HistoryTrail {
  status: TicketStatus;
  events: TrailEvent[];
  /** When the last thing happened (the ticket's `updated_at`). */
  lastAt: Date;
  /** Reopens in the trail. */
  reopenCount: number;
  /** The first resolution (before any reopen), or null. */
  firstResolvedAt: Date | null;
}

/** Why a set of milestones cannot have happened; names the milestone. */
export class ImpossibleHistoryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

interface Move {
  at: Date;
  to: TicketStatus;
  actorId: string | null;
  reopen?: boolean;
}

/**
 * The events of a ticket's past in order, and the status it ends in. Milestones out of order
 * (resolved before opened, a pause outside the open time) are refused with the milestone named,
 * so an import can report the row rather than store a trail the clock cannot replay.
 */
export function historyTrail(m: TicketMilestones): HistoryTrail {
  const opened = m.openedAt.getTime();
  const worker = m.assigneeId ?? m.workerId;
  const after = (field: string, at: Date | null, floor: number, floorName: string) => {
    if (at !== null && at.getTime() < floor) throw new ImpossibleHistoryError(field, `${field} is before ${floorName}`);
  };
  after('firstResponseAt', m.firstResponseAt, opened, 'openedAt');
  after('resolvedAt', m.resolvedAt, opened, 'openedAt');
  after('closedAt', m.closedAt, m.resolvedAt?.getTime() ?? opened, m.resolvedAt ? 'resolvedAt' : 'openedAt');
  if (m.canceled && !m.closedAt) throw new ImpossibleHistoryError('closedAt', 'a canceled ticket needs closedAt');
  const end = m.resolvedAt ?? m.closedAt;

  const moves: Move[] = [];
  if (m.assigneeId) moves.push({ at: m.openedAt, to: 'assigned', actorId: m.createdById });
  if (m.firstResponseAt) moves.push({ at: m.firstResponseAt, to: 'in_progress', actorId: worker });
  for (const pause of m.pauses ?? []) {
    after('pauses', pause.from, m.firstResponseAt?.getTime() ?? opened, 'the first response');
    if (pause.to < pause.from || (end && pause.to > end))
      throw new ImpossibleHistoryError('pauses', 'a pause ends before it starts or after the resolution');
    moves.push({ at: pause.from, to: pause.status, actorId: worker }, { at: pause.to, to: 'in_progress', actorId: worker });
  }
  for (const cycle of m.reopened ?? []) {
    after('reopened', cycle.resolvedAt, opened, 'openedAt');
    if (cycle.reopenedAt < cycle.resolvedAt || (m.resolvedAt && cycle.reopenedAt > m.resolvedAt))
      throw new ImpossibleHistoryError('reopened', 'a reopen comes before its resolution or after the final one');
    moves.push(
      { at: cycle.resolvedAt, to: 'resolved', actorId: worker },
      { at: cycle.reopenedAt, to: 'in_progress', actorId: m.requesterId, reopen: true },
    );
  }
  if (m.resolvedAt) moves.push({ at: m.resolvedAt, to: 'resolved', actorId: worker });
  if (m.closedAt) moves.push({ at: m.closedAt, to: m.canceled ? 'canceled' : 'closed', actorId: null });
  // A stable sort: moves at the same instant keep the order they were pushed in (the natural one).
  moves.sort((a, b) => a.at.getTime() - b.at.getTime());

  const events: TrailEvent[] = [
    {
      at: m.openedAt,
      actorId: m.createdById,
      event: { type: 'created', public: true, data: { onBehalf: m.createdById !== m.requesterId } },
    },
  ];
  if (m.assigneeId) {
    events.push({
      at: m.openedAt,
      actorId: m.createdById,
      event: { type: 'assigned', public: false, data: { from: null, to: m.assigneeId } },
    });
  }
  let status: TicketStatus = 'new';
  let reopenCount = 0;
  let firstResolvedAt: Date | null = null;
  for (const move of moves) {
    if (move.to === status) continue;
    events.push({
      at: move.at,
      actorId: move.actorId,
      event: { type: 'status_changed', public: true, data: { from: status, to: move.to } },
    });
    if (move.reopen) {
      reopenCount++;
      events.push({ at: move.at, actorId: move.actorId, event: { type: 'reopened', public: true, data: {} } });
    }
    if (move.to === 'resolved') firstResolvedAt ??= move.at;
    status = move.to;
  }
  return { status, events, lastAt: events[events.length - 1]!.at, reopenCount, firstResolvedAt };
}
