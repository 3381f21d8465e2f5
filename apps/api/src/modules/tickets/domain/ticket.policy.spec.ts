import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../../common/security/actor.js';
import { ROLES, type Role } from '../../users/domain/role.js';
import { testActor } from '../../../common/security/test-actor.js';
import {
  canOnTicket,
  STAFF_ONLY_FIELDS,
  ticketVisibility,
  type TicketAccessFacts,
  type TicketAction,
  type TicketActor,
} from './ticket.policy.js';

const ACTOR_ID = 'user-actor';
const OTHER_ID = 'user-other';
const QUEUE_ID = 'queue-1';

const ACTIONS: readonly TicketAction[] = ['view', 'comment_public', 'comment_internal', 'work', 'confirm', 'reopen'];
const OWNERSHIPS = ['own', 'other'] as const;
const QUEUES = ['unrestricted', 'restricted_member', 'restricted_not_member'] as const;
type Ownership = (typeof OWNERSHIPS)[number];
type QueueCase = (typeof QUEUES)[number];

const actor = (role: Role, id = ACTOR_ID): Actor => testActor(role, { id });

function setUp(role: Role, ownership: Ownership, queue: QueueCase): { who: TicketActor; ticket: TicketAccessFacts } {
  const memberQueueIds = new Set(queue === 'restricted_member' ? [QUEUE_ID, 'queue-2'] : ['queue-2']);
  return {
    who: { ...actor(role), memberQueueIds },
    ticket: {
      requesterId: ownership === 'own' ? ACTOR_ID : OTHER_ID,
      queueId: QUEUE_ID,
      queueRestricted: queue !== 'unrestricted',
    },
  };
}

/**
 * The rules of the brief, stated independently of the implementation:
 * - internal notes and work belong to staff who may see the queue (a requester never, even on their
 *   own ticket; staff not on a restricted queue neither);
 * - a requester does everything else on their own tickets and nothing on anyone else's;
 * - staff do everything else on tickets of queues they may see, and on tickets they requested.
 */
function expected(role: Role, ownership: Ownership, queue: QueueCase, action: TicketAction): boolean {
  const isRequesterRole = role === 'requester';
  const queueHiddenFromActor = queue === 'restricted_not_member';
  if (action === 'comment_internal' || action === 'work') return !isRequesterRole && !queueHiddenFromActor;
  if (isRequesterRole) return ownership === 'own';
  if (ownership === 'own') return true;
  return !queueHiddenFromActor;
}

const MATRIX = ROLES.flatMap((role) =>
  OWNERSHIPS.flatMap((ownership) =>
    QUEUES.flatMap((queue) =>
      ACTIONS.map((action) => ({ role, ownership, queue, action, allowed: expected(role, ownership, queue, action) })),
    ),
  ),
);

describe(canOnTicket.name, () => {
  it('is checked over the whole matrix of roles, ownership, queue restriction and actions', () => {
    expect(ROLES).toEqual(['requester', 'technician', 'manager', 'admin']);
    expect(MATRIX).toHaveLength(4 * 2 * 3 * 6);
    // The model is not trivially all-yes or all-no.
    expect(MATRIX.filter((c) => c.allowed).length).toBeGreaterThan(0);
    expect(MATRIX.filter((c) => !c.allowed).length).toBeGreaterThan(0);
  });

  it.each(MATRIX)('$role, $ownership ticket, $queue queue: $action → $allowed', ({ role, ownership, queue, action, allowed }) => {
    const { who, ticket } = setUp(role, ownership, queue);
    expect(canOnTicket(who, ticket, action)).toBe(allowed);
  });

  it("keeps a requester away from other people's tickets even when listed as a member of the queue", () => {
    const { who, ticket } = setUp('requester', 'other', 'restricted_member');
    for (const action of ACTIONS) expect(canOnTicket(who, ticket, action)).toBe(false);
  });

  it('never lets a requester write internal notes or work their own ticket', () => {
    for (const queue of QUEUES) {
      const { who, ticket } = setUp('requester', 'own', queue);
      expect(canOnTicket(who, ticket, 'comment_internal')).toBe(false);
      expect(canOnTicket(who, ticket, 'work')).toBe(false);
      expect(canOnTicket(who, ticket, 'view')).toBe(true);
      expect(canOnTicket(who, ticket, 'confirm')).toBe(true);
      expect(canOnTicket(who, ticket, 'reopen')).toBe(true);
    }
  });

  it('hides a restricted queue from staff who are not members, unless they requested the ticket', () => {
    for (const role of ['technician', 'manager', 'admin'] as const) {
      const other = setUp(role, 'other', 'restricted_not_member');
      for (const action of ACTIONS) expect(canOnTicket(other.who, other.ticket, action)).toBe(false);
      const own = setUp(role, 'own', 'restricted_not_member');
      expect(canOnTicket(own.who, own.ticket, 'view')).toBe(true);
      expect(canOnTicket(own.who, own.ticket, 'comment_public')).toBe(true);
    }
  });

  it('decides on the ticket queue id, not on membership of some other queue', () => {
    const who: TicketActor = { ...actor('technician'), memberQueueIds: new Set(['queue-2']) };
    const restricted = { requesterId: OTHER_ID, queueRestricted: true };
    expect(canOnTicket(who, { ...restricted, queueId: 'queue-2' }, 'work')).toBe(true);
    expect(canOnTicket(who, { ...restricted, queueId: 'queue-3' }, 'work')).toBe(false);
  });
});

describe(ticketVisibility.name, () => {
  it('limits a requester to the tickets they requested', () => {
    expect(ticketVisibility(actor('requester', 'req-1'), 't')).toEqual({
      where: 't.requester_id = :visibilityActorId',
      params: { visibilityActorId: 'req-1' },
    });
  });

  it.each(['technician', 'manager', 'admin'] as const)(
    'shows a %s their own tickets and those of queues that are unrestricted or that they belong to',
    (role) => {
      const { where, params } = ticketVisibility(actor(role, 'staff-1'), 'tk');
      expect(params).toEqual({ visibilityActorId: 'staff-1' });
      // One parenthesised condition, so it composes safely with AND in list queries.
      expect(where.startsWith('(')).toBe(true);
      expect(where.endsWith(')')).toBe(true);
      expect(where.split('(').length).toBe(where.split(')').length);
      expect(where).toMatch(/^\(tk\.requester_id = :visibilityActorId OR tk\.queue_id IN \(/);
      expect(where).toMatch(/SELECT vq\.id FROM queues vq WHERE NOT vq\.restricted OR EXISTS/);
      expect(where).toMatch(/FROM queue_members vm WHERE vm\.queue_id = vq\.id AND vm\.user_id = :visibilityActorId/);
    },
  );

  it('applies the given alias and nothing else to the tickets columns', () => {
    for (const role of ROLES) {
      const { where } = ticketVisibility(actor(role), 'x1');
      expect(where).toContain('x1.requester_id');
      expect(where).not.toMatch(/\bt\.|\btickets\./);
    }
  });

  it('passes the actor id as a parameter, never inside the SQL text', () => {
    const hostileId = "x' OR '1'='1";
    for (const role of ROLES) {
      const { where, params } = ticketVisibility(actor(role, hostileId), 't');
      expect(where).not.toContain(hostileId);
      expect(params).toEqual({ visibilityActorId: hostileId });
      const placeholders = where.match(/:\w+/g) ?? [];
      expect(new Set(placeholders)).toEqual(new Set([':visibilityActorId']));
    }
  });

  it('gives staff a wider condition than requesters, for the same rule canOnTicket applies', () => {
    // Staff lists include queue tickets (canOnTicket: staff may view other people's tickets in visible queues).
    const staff = setUp('technician', 'other', 'unrestricted');
    expect(canOnTicket(staff.who, staff.ticket, 'view')).toBe(true);
    expect(ticketVisibility(actor('technician'), 't').where).toContain('t.queue_id IN');
    // Requester lists hold their own tickets only (canOnTicket: nobody else's).
    const requester = setUp('requester', 'other', 'unrestricted');
    expect(canOnTicket(requester.who, requester.ticket, 'view')).toBe(false);
    expect(ticketVisibility(actor('requester'), 't').where).not.toContain('queue_id');
  });
});

describe('STAFF_ONLY_FIELDS', () => {
  it.each(['assigneeId', 'priority', 'queueId', 'requesterId', 'status', 'workClass'])('includes %s', (field) => {
    expect(STAFF_ONLY_FIELDS).toContain(field);
  });

  it('does not list a field twice', () => {
    expect(new Set(STAFF_ONLY_FIELDS).size).toBe(STAFF_ONLY_FIELDS.length);
  });
});
