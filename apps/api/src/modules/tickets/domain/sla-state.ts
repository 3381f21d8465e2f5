import type { TicketStatus } from './ticket-vocabulary.js';

/** The countdown chip: how the ticket stands against its SLA right now. */
export const SLA_STATES = ['none', 'on_time', 'at_risk', 'breached', 'paused', 'met'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The stored clock columns the state is read from. */
export interface StoredSla {
  status: TicketStatus;
  sla_policy_version_id: string | null;
  due_at: Date | null;
  sla_at_risk_at: Date | null;
  sla_paused: boolean;
  first_response_breached: boolean | null;
  resolution_breached: boolean | null;
  next_response_breached: boolean;
}

/**
 * - none: no policy, canceled, or no target runs;
 * - met / breached for resolved and closed tickets: whether any target went past due;
 * - breached for an open ticket once a target went past due (or its due time has passed);
 * - paused while the resolution clock waits and no response target runs;
 * - at risk from 75 % of the running target due first; else on time.
 */
export function slaState(t: StoredSla, now: Date): SlaState {
  if (t.sla_policy_version_id === null || t.status === 'canceled') return 'none';
  const missed = t.first_response_breached === true || t.resolution_breached === true || t.next_response_breached;
  if (t.status === 'resolved' || t.status === 'closed') return missed ? 'breached' : 'met';
  if (missed || (t.due_at !== null && new Date(t.due_at) <= now)) return 'breached';
  if (t.due_at === null) return t.sla_paused ? 'paused' : 'none';
  if (t.sla_at_risk_at !== null && new Date(t.sla_at_risk_at) <= now) return 'at_risk';
  return 'on_time';
}
