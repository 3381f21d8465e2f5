import { computeTicketClock, type Calendar, type ClockPolicy, type TicketClock } from '@civicdesk/sla';
import type { TicketKind } from '../../tickets/domain/ticket-vocabulary.js';
import { withAtRiskMarkers } from './clock-columns.js';
import { clockEventsFrom, matchedVersionIds, type ClockEventRow } from './clock-events.js';

/** A policy version as the replay needs it. */
export interface ReplayVersion {
  versionId: string;
  policy: ClockPolicy;
}

/** The facts of a ticket that shape its targets. */
export interface ReplayTicket {
  kind: TicketKind;
  /** A maintenance ticket's due date (its resolution target). */
  maintenanceDueAt: Date | null;
}

/**
 * A ticket's clock replayed from its trail: the first policy matched is the base, later matches
 * apply from their time (brief rule 5). `current` is the version in force, the base when the
 * trail records no match. The one replay behind stored clocks, live or written from history.
 */
export function replayClock(
  ticket: ReplayTicket,
  events: readonly ClockEventRow[],
  versions: ReadonlyMap<string, ReplayVersion>,
  current: ReplayVersion,
  calendar: Calendar,
  now: Date,
): TicketClock {
  const forClock = new Map([...versions].map(([id, v]) => [id, clockPolicyOf(v, ticket)]));
  const base = forClock.get(matchedVersionIds(events)[0] ?? current.versionId) ?? clockPolicyOf(current, ticket);
  return computeTicketClock(clockEventsFrom(events, forClock), base, calendar, now);
}

/**
 * A version's targets for this ticket. Maintenance has no response target and is on time when
 * resolved by its due date (brief rule 10); the policy's escalations still apply to that span.
 */
function clockPolicyOf(version: ReplayVersion, ticket: ReplayTicket): ClockPolicy {
  const policy: ClockPolicy =
    ticket.kind === 'maintenance'
      ? {
          ...version.policy,
          firstResponseMinutes: null,
          nextResponseMinutes: null,
          resolutionDueAt: ticket.maintenanceDueAt ? new Date(ticket.maintenanceDueAt) : null,
        }
      : version.policy;
  return withAtRiskMarkers(policy);
}
