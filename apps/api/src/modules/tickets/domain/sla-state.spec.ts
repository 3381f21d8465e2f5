import { slaState, type StoredSla } from './sla-state.js';

const now = new Date('2026-03-02T15:00:00Z');
const before = new Date('2026-03-02T14:00:00Z');
const after = new Date('2026-03-02T16:00:00Z');
const base: StoredSla = {
  status: 'in_progress',
  sla_policy_version_id: 'v1',
  due_at: after,
  sla_at_risk_at: after,
  sla_paused: false,
  first_response_breached: null,
  resolution_breached: null,
  next_response_breached: false,
};

describe('slaState', () => {
  it.each<[string, Partial<StoredSla>, ReturnType<typeof slaState>]>([
    ['no policy', { sla_policy_version_id: null }, 'none'],
    ['canceled', { status: 'canceled' }, 'none'],
    ['due later, not yet at risk', {}, 'on_time'],
    ['past 75 % of the target', { sla_at_risk_at: before }, 'at_risk'],
    ['past due', { due_at: before, sla_at_risk_at: before }, 'breached'],
    ['first response was late, resolution still running', { first_response_breached: true }, 'breached'],
    ['paused with no due time', { due_at: null, sla_at_risk_at: null, sla_paused: true }, 'paused'],
    ['no running target and not paused', { due_at: null, sla_at_risk_at: null }, 'none'],
    ['resolved on time', { status: 'resolved', due_at: null, resolution_breached: false }, 'met'],
    ['closed late', { status: 'closed', due_at: null, resolution_breached: true }, 'breached'],
    ['resolved, a next response was late', { status: 'resolved', due_at: null, next_response_breached: true }, 'breached'],
  ])('%s', (_name, patch, expected) => {
    expect(slaState({ ...base, ...patch }, now)).toBe(expected);
  });
});
