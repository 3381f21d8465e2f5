import type { ClockPolicy } from '@civicdesk/sla';
import type { Priority, TicketKind, TicketStatus } from '../../tickets/domain/ticket-vocabulary.js';
import type { PolicyEscalation } from './sla-policy-vocabulary.js';

/** What a policy's conditions are matched against. */
export interface TicketFacts {
  kind: TicketKind;
  priority: Priority;
  departmentId: string;
  categoryId: string | null;
}

/** The current version of an active policy, as the matcher and the clock need it. */
export interface MatchableVersion {
  id: string;
  /** The policy's switch; a version of an inactive policy never matches. */
  active?: boolean;
  kinds: readonly TicketKind[];
  priorities: readonly Priority[];
  departmentIds: readonly string[];
  categoryIds: readonly string[];
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  nextResponseMinutes: number | null;
  pauseStatuses: readonly TicketStatus[];
  calendarId: string | null;
  escalations: readonly PolicyEscalation[];
}

/** An empty condition list matches anything; a non-empty one must contain the ticket's value. */
function allows<T>(condition: readonly T[], value: T | null): boolean {
  return condition.length === 0 || (value !== null && condition.includes(value));
}

/**
 * The first version (in policy order: the current versions of the policies) of an active policy
 * whose conditions all hold for the ticket, or null when none does.
 */
export function matchPolicy<V extends MatchableVersion>(policies: readonly V[], facts: TicketFacts): V | null {
  return (
    policies.find(
      (p) =>
        p.active !== false &&
        allows(p.kinds, facts.kind) &&
        allows(p.priorities, facts.priority) &&
        allows(p.departmentIds, facts.departmentId) &&
        allows(p.categoryIds, facts.categoryId),
    ) ?? null
  );
}

/** The version's targets as the SLA clock takes them (escalation actions are the API's business). */
export function toClockPolicy(version: MatchableVersion): ClockPolicy {
  return {
    firstResponseMinutes: version.firstResponseMinutes,
    resolutionMinutes: version.resolutionMinutes,
    nextResponseMinutes: version.nextResponseMinutes,
    pauseStatuses: [...version.pauseStatuses],
    escalations: version.escalations.map(({ target, percent, level }) => ({ target, percent, level })),
  };
}
