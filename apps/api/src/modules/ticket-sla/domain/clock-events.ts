import type { ClockEvent, ClockPolicy, TicketStatus } from '@civicdesk/sla';
import { isStaff, type Role } from '../../users/domain/role.js';

/** The ticket_events the clock replays. */
export const CLOCK_EVENT_TYPES = ['created', 'status_changed', 'commented', 'sla_policy_matched'] as const;

export interface ClockEventRow {
  type: string;
  data: Record<string, unknown>;
  created_at: Date;
  /** Null when CivicDesk itself acted (auto-close, escalations). */
  actor_role: Role | null;
}

/** Every SLA policy version the ticket was held to, in order; the first is the one matched at creation. */
export function matchedVersionIds(rows: readonly ClockEventRow[]): string[] {
  return rows.filter((r) => r.type === 'sla_policy_matched').map((r) => r.data.versionId as string);
}

/**
 * A ticket's audit trail as the SLA clock sees it (brief rule 2): the first response is a public
 * staff reply or a staff move to in_progress; a requester's public reply can start a
 * next-response cycle; each later policy match applies its targets from its time (rule 5). The
 * first match is the base policy the caller passes to the clock.
 */
export function clockEventsFrom(rows: readonly ClockEventRow[], policies: ReadonlyMap<string, ClockPolicy>): ClockEvent[] {
  const events: ClockEvent[] = [];
  let matches = 0;
  for (const row of rows) {
    const at = new Date(row.created_at);
    const staff = row.actor_role !== null && isStaff(row.actor_role);
    switch (row.type) {
      case 'created':
        events.push({ type: 'created', at });
        break;
      case 'status_changed': {
        const to = row.data.to as TicketStatus;
        events.push({ type: 'status', at, to });
        if (staff && to === 'in_progress') events.push({ type: 'first_response', at });
        break;
      }
      case 'commented':
        if (row.data.internal !== true) events.push({ type: staff ? 'agent_reply' : 'requester_reply', at });
        break;
      case 'sla_policy_matched': {
        const policy = policies.get(row.data.versionId as string);
        if (matches++ > 0 && policy) events.push({ type: 'policy', at, policy });
        break;
      }
    }
  }
  return events;
}
