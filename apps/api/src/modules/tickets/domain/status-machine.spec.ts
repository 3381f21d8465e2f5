import { describe, expect, it } from '@jest/globals';
import { checkTransition, nextStatuses, type TransitionActor } from './status-machine.js';
import { TICKET_STATUSES, type TicketStatus } from './ticket-vocabulary.js';

const ACTORS: readonly TransitionActor[] = ['requester', 'staff', 'system'];

/**
 * The expected lifecycle, written out by hand from the brief (not read from the implementation).
 * Row = from, column = to. Each cell lists who may make the move:
 *   S = staff, R = requester, A = the system (automatic: requester replies, auto-close);
 *   '-' = no such edge (invalid_transition); '=' = same status (invalid_transition).
 */
const COLUMNS: readonly TicketStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'waiting_on_requester',
  'waiting_on_vendor',
  'resolved',
  'closed',
  'canceled',
];
// prettier-ignore
const EXPECTED: Record<TicketStatus, readonly string[]> = {
  //                     new  assigned in_prog  w_req  w_vend resolved closed canceled
  new:                  ['=', 'S',     'S',     'S',   'S',   'S',     '-',   'SR'],
  assigned:             ['S', '=',     'S',     'S',   'S',   'S',     '-',   'SR'],
  in_progress:          ['-', 'S',     '=',     'S',   'S',   'S',     '-',   'SR'],
  waiting_on_requester: ['-', '-',     'SA',    '=',   'S',   'S',     '-',   'SR'],
  waiting_on_vendor:    ['-', '-',     'S',     'S',   '=',   'S',     '-',   'S'],
  resolved:             ['-', '-',     'SRA',   '-',   '-',   '=',     'SRA', '-'],
  closed:               ['-', '-',     '-',     '-',   '-',   '-',     '=',   '-'],
  canceled:             ['-', '-',     '-',     '-',   '-',   '-',     '-',   '='],
};
const LETTER: Record<TransitionActor, string> = { staff: 'S', requester: 'R', system: 'A' };

type Expected = { ok: true; reopens: boolean } | { ok: false; code: 'invalid_transition' | 'transition_not_allowed' };

function expected(from: TicketStatus, to: TicketStatus, actor: TransitionActor): Expected {
  const cell = EXPECTED[from][COLUMNS.indexOf(to)]!;
  if (cell === '=' || cell === '-') return { ok: false, code: 'invalid_transition' };
  if (!cell.includes(LETTER[actor])) return { ok: false, code: 'transition_not_allowed' };
  return { ok: true, reopens: from === 'resolved' && to === 'in_progress' };
}

const ALL_CASES = TICKET_STATUSES.flatMap((from) =>
  TICKET_STATUSES.flatMap((to) => ACTORS.map((actor) => ({ from, to, actor, want: expected(from, to, actor) }))),
);

describe(checkTransition.name, () => {
  it('is checked against a table covering exactly the eight statuses of the vocabulary', () => {
    expect([...COLUMNS].sort()).toEqual([...TICKET_STATUSES].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...TICKET_STATUSES].sort());
    for (const row of Object.values(EXPECTED)) expect(row).toHaveLength(8);
    expect(ALL_CASES).toHaveLength(8 * 8 * 3);
  });

  it.each(ALL_CASES)('$from → $to by $actor', ({ from, to, actor, want }) => {
    const result = checkTransition(from, to, actor);
    if (want.ok) {
      expect(result).toEqual(want);
    } else {
      expect(result).toMatchObject(want);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/\S/);
    }
  });

  it('refuses a move to the same status as invalid_transition, for every actor', () => {
    for (const status of TICKET_STATUSES) {
      for (const actor of ACTORS) {
        expect(checkTransition(status, status, actor)).toMatchObject({ ok: false, code: 'invalid_transition' });
      }
    }
  });

  it('treats closed and canceled as terminal for everyone', () => {
    for (const from of ['closed', 'canceled'] as const) {
      for (const to of TICKET_STATUSES) {
        for (const actor of ACTORS) {
          expect(checkTransition(from, to, actor)).toMatchObject({ ok: false, code: 'invalid_transition' });
        }
      }
    }
  });

  it('lets the requester cancel an open ticket except while it waits on a vendor', () => {
    const cancelable = TICKET_STATUSES.filter((from) => checkTransition(from, 'canceled', 'requester').ok);
    expect(cancelable.sort()).toEqual(['assigned', 'in_progress', 'new', 'waiting_on_requester']);
    expect(checkTransition('waiting_on_vendor', 'canceled', 'requester')).toMatchObject({
      ok: false,
      code: 'transition_not_allowed',
    });
    expect(checkTransition('waiting_on_vendor', 'canceled', 'staff')).toEqual({ ok: true, reopens: false });
  });

  it('lets the requester confirm (close) or reopen a resolved ticket, and nothing else', () => {
    expect(checkTransition('resolved', 'closed', 'requester')).toEqual({ ok: true, reopens: false });
    expect(checkTransition('resolved', 'in_progress', 'requester')).toEqual({ ok: true, reopens: true });
    const requesterMoves = ALL_CASES.filter((c) => c.actor === 'requester' && checkTransition(c.from, c.to, c.actor).ok);
    expect(requesterMoves.map((c) => `${c.from}>${c.to}`).sort()).toEqual([
      'assigned>canceled',
      'in_progress>canceled',
      'new>canceled',
      'resolved>closed',
      'resolved>in_progress',
      'waiting_on_requester>canceled',
    ]);
  });

  it('lets the system make exactly the reply and auto-close moves', () => {
    const systemMoves = ALL_CASES.filter((c) => c.actor === 'system' && checkTransition(c.from, c.to, c.actor).ok);
    expect(systemMoves.map((c) => `${c.from}>${c.to}`).sort()).toEqual([
      'resolved>closed',
      'resolved>in_progress',
      'waiting_on_requester>in_progress',
    ]);
  });

  it('does not let the requester move a ticket waiting on them back to work themself (the system does)', () => {
    expect(checkTransition('waiting_on_requester', 'in_progress', 'requester')).toMatchObject({
      ok: false,
      code: 'transition_not_allowed',
    });
  });

  it('distinguishes a disallowed actor from an impossible edge', () => {
    expect(checkTransition('new', 'assigned', 'requester')).toMatchObject({ ok: false, code: 'transition_not_allowed' });
    expect(checkTransition('new', 'closed', 'staff')).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(checkTransition('closed', 'in_progress', 'staff')).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('marks only resolved → in_progress as a reopen', () => {
    const reopening = ALL_CASES.filter((c) => {
      const r = checkTransition(c.from, c.to, c.actor);
      return r.ok && r.reopens;
    });
    expect(new Set(reopening.map((c) => `${c.from}>${c.to}`))).toEqual(new Set(['resolved>in_progress']));
    expect(reopening.map((c) => c.actor).sort()).toEqual(['requester', 'staff', 'system']);
  });

  it('names the statuses and the actor in its refusal messages', () => {
    const notAllowed = checkTransition('waiting_on_vendor', 'canceled', 'requester');
    expect(!notAllowed.ok && notAllowed.message).toMatch(/requester.*waiting_on_vendor.*canceled/);
    const invalid = checkTransition('closed', 'new', 'staff');
    expect(!invalid.ok && invalid.message).toMatch(/closed.*new/);
  });
});

describe(nextStatuses.name, () => {
  const cases = TICKET_STATUSES.flatMap((from) => ACTORS.map((actor) => ({ from, actor })));

  it.each(cases)('offers $actor exactly the allowed moves from $from', ({ from, actor }) => {
    const want = COLUMNS.filter((to) => expected(from, to, actor).ok);
    const got = nextStatuses(from, actor);
    expect([...got].sort()).toEqual([...want].sort());
    expect(new Set(got).size).toBe(got.length);
  });

  it('agrees with checkTransition for every status and actor', () => {
    for (const { from, actor } of cases) {
      const offered = new Set(nextStatuses(from, actor));
      for (const to of TICKET_STATUSES) expect(offered.has(to)).toBe(checkTransition(from, to, actor).ok);
    }
  });

  it('offers nothing from a terminal status and never the current status', () => {
    for (const actor of ACTORS) {
      expect(nextStatuses('closed', actor)).toEqual([]);
      expect(nextStatuses('canceled', actor)).toEqual([]);
      for (const from of TICKET_STATUSES) expect(nextStatuses(from, actor)).not.toContain(from);
    }
  });

  it('offers a requester only cancel on an open ticket and confirm/reopen on a resolved one', () => {
    expect(nextStatuses('new', 'requester')).toEqual(['canceled']);
    expect(nextStatuses('waiting_on_requester', 'requester')).toEqual(['canceled']);
    expect(nextStatuses('waiting_on_vendor', 'requester')).toEqual([]);
    expect([...nextStatuses('resolved', 'requester')].sort()).toEqual(['closed', 'in_progress']);
  });
});
