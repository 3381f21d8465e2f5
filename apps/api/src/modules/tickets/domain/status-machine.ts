import type { TicketStatus } from './ticket-vocabulary.js';

/** Who is moving the ticket: its requester, IT staff, or CivicDesk itself (replies, auto-close). */
export type TransitionActor = 'requester' | 'staff' | 'system';

export type TransitionResult =
  { ok: true; reopens: boolean } | { ok: false; code: 'invalid_transition' | 'transition_not_allowed'; message: string };

type Rule = Partial<Record<TicketStatus, readonly TransitionActor[]>>;

const STAFF: readonly TransitionActor[] = ['staff'];
const STAFF_OR_REQUESTER: readonly TransitionActor[] = ['staff', 'requester'];

/**
 * The ticket lifecycle: new → assigned → in_progress → (waiting_on_requester | waiting_on_vendor)
 * → resolved → closed, plus canceled. For each status, where it may go and who may move it there.
 */
const TRANSITIONS: Record<TicketStatus, Rule> = {
  new: {
    assigned: STAFF,
    in_progress: STAFF,
    waiting_on_requester: STAFF,
    waiting_on_vendor: STAFF,
    resolved: STAFF,
    canceled: STAFF_OR_REQUESTER,
  },
  assigned: {
    new: STAFF,
    in_progress: STAFF,
    waiting_on_requester: STAFF,
    waiting_on_vendor: STAFF,
    resolved: STAFF,
    canceled: STAFF_OR_REQUESTER,
  },
  in_progress: {
    assigned: STAFF,
    waiting_on_requester: STAFF,
    waiting_on_vendor: STAFF,
    resolved: STAFF,
    canceled: STAFF_OR_REQUESTER,
  },
  // A requester's reply on a ticket waiting for them moves it back to in_progress (as the system).
  waiting_on_requester: {
    in_progress: ['staff', 'system'],
    waiting_on_vendor: STAFF,
    resolved: STAFF,
    canceled: STAFF_OR_REQUESTER,
  },
  waiting_on_vendor: { in_progress: STAFF, waiting_on_requester: STAFF, resolved: STAFF, canceled: STAFF },
  // Confirming closes; a reply or an explicit reopen by the requester (or staff) reopens.
  resolved: { closed: ['staff', 'requester', 'system'], in_progress: ['staff', 'requester', 'system'] },
  closed: {},
  canceled: {},
};

export function checkTransition(from: TicketStatus, to: TicketStatus, actor: TransitionActor): TransitionResult {
  if (from === to) return { ok: false, code: 'invalid_transition', message: `The ticket is already ${from}` };
  const allowed = TRANSITIONS[from][to];
  if (!allowed) return { ok: false, code: 'invalid_transition', message: `A ticket cannot go from ${from} to ${to}` };
  if (!allowed.includes(actor)) {
    return { ok: false, code: 'transition_not_allowed', message: `A ${actor} may not move a ticket from ${from} to ${to}` };
  }
  return { ok: true, reopens: from === 'resolved' && to === 'in_progress' };
}

/** The statuses a ticket may move to next, for this actor (the UI offers exactly these). */
export function nextStatuses(from: TicketStatus, actor: TransitionActor): TicketStatus[] {
  return (Object.entries(TRANSITIONS[from]) as [TicketStatus, readonly TransitionActor[]][])
    .filter(([, actors]) => actors.includes(actor))
    .map(([to]) => to);
}
