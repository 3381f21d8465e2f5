import type { ClockPolicy, EscalationState, SlaTargetName, TargetClock, TicketClock } from '@civicdesk/sla';

/** Internal escalation level marking "at risk": 75 % of a target. Real levels are 1 and up. */
export const AT_RISK_LEVEL = -1;
export const AT_RISK_PERCENT = 75;

const TARGETS: readonly SlaTargetName[] = ['first_response', 'resolution', 'next_response'];

/** The policy with an at-risk marker on each target, so the clock reports when 75 % is reached. */
export function withAtRiskMarkers(policy: ClockPolicy): ClockPolicy {
  return {
    ...policy,
    escalations: [
      ...(policy.escalations ?? []),
      ...TARGETS.map((target) => ({ target, percent: AT_RISK_PERCENT, level: AT_RISK_LEVEL })),
    ],
  };
}

/** The columns of `tickets` the clock fills (see the TicketSla migration). */
export interface SlaColumns {
  due_at: Date | null;
  first_response_due_at: Date | null;
  resolution_due_at: Date | null;
  next_response_due_at: Date | null;
  first_response_minutes: number | null;
  resolution_minutes: number | null;
  first_resolution_minutes: number | null;
  sla_paused_minutes: number;
  sla_paused: boolean;
  first_response_breached: boolean | null;
  resolution_breached: boolean | null;
  next_response_breached: boolean;
  sla_breached_at: Date | null;
  sla_at_risk_at: Date | null;
  next_escalation_at: Date | null;
}

/** Every column a stored clock fills, with its SQL type (for statements that write them from JSON). */
export const SLA_COLUMN_TYPES: Record<keyof SlaColumns | 'sla_calendar_id', string> = {
  sla_calendar_id: 'uuid',
  due_at: 'timestamptz',
  first_response_due_at: 'timestamptz',
  resolution_due_at: 'timestamptz',
  next_response_due_at: 'timestamptz',
  first_response_minutes: 'integer',
  resolution_minutes: 'integer',
  first_resolution_minutes: 'integer',
  sla_paused_minutes: 'integer',
  sla_paused: 'boolean',
  first_response_breached: 'boolean',
  resolution_breached: 'boolean',
  next_response_breached: 'boolean',
  sla_breached_at: 'timestamptz',
  sla_at_risk_at: 'timestamptz',
  next_escalation_at: 'timestamptz',
};

/** An escalation level of the clock, with the next-response cycle it belongs to. */
export interface LevelState extends EscalationState {
  cycle: number;
}

export const firedKey = (target: SlaTargetName, cycle: number, level: number): string => `${target}:${cycle}:${level}`;

/** The real escalation levels (not the at-risk markers), each with its cycle. */
export function escalationLevels(clock: TicketClock): LevelState[] {
  return clock.escalations
    .filter((e) => e.level !== AT_RISK_LEVEL)
    .map((e) => ({ ...e, cycle: e.target === 'next_response' ? clock.nextResponseCycles : 0 }));
}

/** Levels whose time has come and that have not fired yet. */
export function levelsToFire(clock: TicketClock, fired: ReadonlySet<string>): LevelState[] {
  return escalationLevels(clock).filter((e) => e.reached && !fired.has(firedKey(e.target, e.cycle, e.level)));
}

const decided = (c: TargetClock | null): boolean | null =>
  c === null ? null : c.breached ? true : c.state === 'met' ? false : null;
const achieved = (c: TargetClock | null): number | null =>
  c !== null && (c.state === 'met' || c.state === 'breached') ? c.elapsedMinutes : null;
const running = (c: TargetClock | null): c is TargetClock => c !== null && c.state === 'running';
const earliest = (dates: readonly (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);

/**
 * What the ticket stores of its clock. `open`: the ticket is neither resolved, closed nor
 * canceled (only open tickets have a next escalation). `fired`: the levels already fired
 * (`firedKey`), so a level reached but not yet swept keeps the ticket in the sweep.
 */
export function slaColumns(clock: TicketClock, open: boolean, fired: ReadonlySet<string>, escalate: boolean): SlaColumns {
  const { firstResponse: fr, resolution: res, nextResponse: nr } = clock;
  const atRisk = clock.escalations.filter((e) => e.level === AT_RISK_LEVEL && running(clockOf(clock, e.target)));
  const pending = escalationLevels(clock).filter(
    (e) =>
      e.dueAt !== null && !fired.has(firedKey(e.target, e.cycle, e.level)) && (e.reached || running(clockOf(clock, e.target))),
  );
  return {
    due_at: open ? clock.dueAt : null,
    first_response_due_at: fr?.dueAt ?? null,
    resolution_due_at: res?.dueAt ?? null,
    next_response_due_at: running(nr) ? nr.dueAt : null,
    first_response_minutes: achieved(fr),
    resolution_minutes: achieved(res),
    first_resolution_minutes: clock.firstResolutionMinutes,
    sla_paused_minutes: res?.pausedMinutes ?? 0,
    sla_paused: res?.state === 'paused',
    first_response_breached: decided(fr),
    resolution_breached: decided(res),
    next_response_breached: clock.nextResponseBreached,
    sla_breached_at: earliest([fr?.breachedAt ?? null, res?.breachedAt ?? null, nr?.breachedAt ?? null]),
    sla_at_risk_at: open ? earliest(atRisk.map((e) => e.dueAt)) : null,
    next_escalation_at: open && escalate ? earliest(pending.map((e) => e.dueAt)) : null,
  };
}

function clockOf(clock: TicketClock, target: SlaTargetName): TargetClock | null {
  switch (target) {
    case 'first_response':
      return clock.firstResponse;
    case 'resolution':
      return clock.resolution;
    case 'next_response':
      return clock.nextResponse;
  }
}
