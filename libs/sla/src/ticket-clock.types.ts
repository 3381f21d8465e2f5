/** A ticket's statuses, in their usual order (the API's database enum is made from this list). */
export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting_on_requester',
  'waiting_on_vendor',
  'resolved',
  'closed',
  'canceled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const DEFAULT_PAUSE_STATUSES: readonly TicketStatus[] = Object.freeze(['waiting_on_requester', 'waiting_on_vendor']);

export type SlaTargetName = 'first_response' | 'resolution' | 'next_response';

/** Escalate when `percent` % of a target's business minutes have run (75, 100, 150 …). */
export interface EscalationRule {
  target: SlaTargetName;
  percent: number;
  level: number;
}

/** The targets of the SLA policy version a ticket matched. Minutes are business minutes. */
export interface ClockPolicy {
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  nextResponseMinutes?: number | null;
  /** Statuses that pause the resolution clock; default `DEFAULT_PAUSE_STATUSES`. */
  pauseStatuses?: readonly TicketStatus[];
  escalations?: readonly EscalationRule[];
  /**
   * Absolute resolution due time (maintenance tickets: on time when resolved by their due date).
   * Takes precedence over `resolutionMinutes`; pauses do not move it.
   */
  resolutionDueAt?: Date | null;
}

/** A ticket's history as the clock sees it. Sorted by `at` (the clock sorts defensively, stably). */
export type ClockEvent =
  | { type: 'created'; at: Date }
  | { type: 'status'; at: Date; to: TicketStatus }
  /** The first staff action the requester can see (public staff comment, staff move to in_progress). */
  | { type: 'first_response'; at: Date }
  | { type: 'requester_reply'; at: Date }
  /** A public staff reply. */
  | { type: 'agent_reply'; at: Date }
  /** The policy was re-matched (priority or department change): new targets apply from here. */
  | { type: 'policy'; at: Date; policy: ClockPolicy };

export type TargetState = 'running' | 'paused' | 'met' | 'breached' | 'canceled';

export interface TargetClock {
  targetMinutes: number;
  /** Business minutes the clock has run (paused time excluded). */
  elapsedMinutes: number;
  /** Business minutes spent paused (resolution only; 0 for response targets). */
  pausedMinutes: number;
  /** `targetMinutes - elapsedMinutes`, negative once over (absolute due: business minutes to/after it). */
  remainingMinutes: number;
  /**
   * When the target is (or was) due. Null while paused before reaching the target (there is no due
   * time while paused) and for a canceled clock that never reached it. For a met clock: the due
   * time in force when it stopped.
   */
  dueAt: Date | null;
  /** running / paused: the clock goes on; met / breached: stopped on time / late; canceled. */
  state: TargetState;
  /** Past due: a late stop, or still running or paused after the due time. */
  breached: boolean;
  /** The instant it passed due (kept when later met late); never before the target came into force. */
  breachedAt: Date | null;
  /** When the clock stopped (met, breached or canceled); null while it runs or is paused. */
  stoppedAt: Date | null;
}

export interface EscalationState {
  target: SlaTargetName;
  level: number;
  percent: number;
  /** When `percent` % of the target is reached; null while paused before it, or never (stopped first). */
  dueAt: Date | null;
  /** The level's instant has come (at or before `now`, strictly before the clock stopped). */
  reached: boolean;
}

export type SegmentState = 'running' | 'paused' | 'outside_hours' | 'stopped';

export interface ClockSegment {
  from: Date;
  to: Date;
  state: SegmentState;
}

export interface TicketClock {
  firstResponse: TargetClock | null;
  resolution: TargetClock | null;
  /** The latest next-response cycle (requester reply → agent reply); null before any cycle. */
  nextResponse: TargetClock | null;
  /** Next-response cycles so far. */
  nextResponseCycles: number;
  /** Whether any next-response cycle breached. */
  nextResponseBreached: boolean;
  /** Earliest due time of the running targets (may be in the past when breached). */
  dueAt: Date | null;
  reopenCount: number;
  /** Resolution clock's elapsed business minutes at the first `resolved` (null before it). */
  firstResolutionMinutes: number | null;
  /** Earliest escalation instant not yet reached, of a running target. */
  nextEscalationAt: Date | null;
  escalations: EscalationState[];
  /**
   * The resolution clock's timeline from creation to min(now, stop), outside-business-hours
   * stretches split out, adjacent equal states merged. After 500 segments outside_hours
   * stretches are no longer split out (they count as the state around them).
   */
  segments: ClockSegment[];
}
