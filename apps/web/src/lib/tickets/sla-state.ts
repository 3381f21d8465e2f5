import type { SlaState, SlaTarget, SlaTargetClock, TicketSla, TicketSlaSummary } from '../api/api-types';

/**
 * The SLA state as of `now`: the server's state, moved on from on time to at risk and to breached
 * as `atRiskAt` and `dueAt` pass, so a page left open stays right between refreshes.
 */
export function liveSlaState(sla: TicketSlaSummary, dueAt: string | null, now: number): SlaState {
  if (sla.state !== 'on_time' && sla.state !== 'at_risk') return sla.state;
  if (dueAt !== null && Date.parse(dueAt) <= now) return 'breached';
  return sla.atRiskAt !== null && Date.parse(sla.atRiskAt) <= now ? 'at_risk' : sla.state;
}

const TARGET_KEYS: Record<SlaTarget, keyof TicketSla['targets']> = {
  first_response: 'firstResponse',
  resolution: 'resolution',
  next_response: 'nextResponse',
};

/** One target's clock from a ticket's SLA timeline; null when the policy sets no such target. */
export function targetClock(sla: Pick<TicketSla, 'targets'>, target: SlaTarget): SlaTargetClock | null {
  return sla.targets[TARGET_KEYS[target]];
}
