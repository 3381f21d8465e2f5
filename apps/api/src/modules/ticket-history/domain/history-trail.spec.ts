import { describe, expect, it } from '@jest/globals';
import { historyTrail, ImpossibleHistoryError, type TicketMilestones } from './history-trail.js';

const at = (hour: number) => new Date(Date.UTC(2026, 0, 5, hour));
const base: TicketMilestones = {
  openedAt: at(9),
  requesterId: 'requester',
  createdById: 'agent',
  assigneeId: 'tech',
  workerId: 'importer',
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
};
const moves = (m: TicketMilestones) =>
  historyTrail(m).events.map((e) => {
    const to = e.event.data?.to;
    return `${e.event.type}${typeof to === 'string' ? `:${to}` : ''}@${e.at.getUTCHours()}:${e.actorId}`;
  });

describe(historyTrail.name, () => {
  it('tells a whole life in order, each step by who took it', () => {
    const life: TicketMilestones = {
      ...base,
      firstResponseAt: at(10),
      pauses: [{ from: at(11), to: at(12), status: 'waiting_on_vendor' }],
      reopened: [{ resolvedAt: at(13), reopenedAt: at(14) }],
      resolvedAt: at(15),
      closedAt: at(16),
    };
    expect(
      moves({
        ...base,
        firstResponseAt: at(10),
        pauses: [{ from: at(11), to: at(12), status: 'waiting_on_vendor' }],
        reopened: [{ resolvedAt: at(13), reopenedAt: at(14) }],
        resolvedAt: at(15),
        closedAt: at(16),
      }),
    ).toEqual([
      'created@9:agent',
      'assigned:tech@9:agent',
      'status_changed:assigned@9:agent',
      'status_changed:in_progress@10:tech',
      'status_changed:waiting_on_vendor@11:tech',
      'status_changed:in_progress@12:tech',
      'status_changed:resolved@13:tech',
      'status_changed:in_progress@14:requester',
      'reopened@14:requester',
      'status_changed:resolved@15:tech',
      'status_changed:closed@16:null',
    ]);
    expect(historyTrail(life)).toMatchObject({ status: 'closed', reopenCount: 1, firstResolvedAt: at(13), lastAt: at(16) });
  });

  it('leaves an unassigned ticket new, and credits an unassigned ticket’s work to the worker', () => {
    expect(historyTrail({ ...base, assigneeId: null }).status).toBe('new');
    expect(moves({ ...base, assigneeId: null, resolvedAt: at(12) })).toEqual([
      'created@9:agent',
      'status_changed:resolved@12:importer',
    ]);
  });

  it('cancels with the closing time', () => {
    expect(historyTrail({ ...base, closedAt: at(10), canceled: true }).status).toBe('canceled');
    expect(() => historyTrail({ ...base, canceled: true })).toThrow(ImpossibleHistoryError);
  });

  it.each([
    ['firstResponseAt', { firstResponseAt: at(8) }],
    ['resolvedAt', { resolvedAt: at(8) }],
    ['closedAt', { resolvedAt: at(12), closedAt: at(11) }],
    ['pauses', { firstResponseAt: at(10), pauses: [{ from: at(9), to: at(11), status: 'waiting_on_requester' as const }] }],
    [
      'pauses',
      {
        firstResponseAt: at(10),
        resolvedAt: at(12),
        pauses: [{ from: at(11), to: at(13), status: 'waiting_on_requester' as const }],
      },
    ],
    ['reopened', { resolvedAt: at(12), reopened: [{ resolvedAt: at(11), reopenedAt: at(13) }] }],
  ])('refuses %s out of order', (field, change) => {
    expect(() => historyTrail({ ...base, ...change })).toThrow(expect.objectContaining({ field }));
  });
});
