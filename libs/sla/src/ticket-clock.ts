import { addMinutesAt, forEachBusinessInterval, fromMinute, minutesBetween, toMinute } from './business-time.js';
import { type Calendar } from './calendar.types.js';
import { type CompiledCalendar, compileCalendar } from './compiled-calendar.js';
import { SlaError } from './sla.errors.js';
import {
  type ClockEvent,
  type ClockPolicy,
  type ClockSegment,
  DEFAULT_PAUSE_STATUSES,
  type EscalationRule,
  type EscalationState,
  type SegmentState,
  type SlaTargetName,
  type TargetClock,
  type TargetState,
  type TicketClock,
  TICKET_STATUSES,
  type TicketStatus,
} from './ticket-clock.types.js';

/** Past this many segments, outside-hours stretches are no longer split out of the timeline. */
export const SEGMENT_CAP = 500;

type Mode = 'running' | 'paused' | 'stopped' | 'canceled';

const isDone = (s: TicketStatus): boolean => s === 'resolved' || s === 'closed';
const isOpen = (s: TicketStatus): boolean => !isDone(s) && s !== 'canceled';
const pauseStatusesOf = (p: ClockPolicy): readonly TicketStatus[] => p.pauseStatuses ?? DEFAULT_PAUSE_STATUSES;

/**
 * One clock's history: the stretches it ran (with their business minutes), the business minutes
 * it spent paused, its mode now and every mode change (the resolution timeline).
 */
class Track {
  mode: Mode;
  private since: number;
  /** Flat [from, to, businessMinutes, …] of the running stretches, in epoch minutes. */
  readonly runs: number[] = [];
  elapsed = 0;
  paused = 0;
  stoppedAt: number | null = null;
  readonly changes: { at: number; mode: Mode }[];

  constructor(
    private readonly cal: CompiledCalendar,
    readonly start: number,
    mode: Mode = 'running',
  ) {
    this.mode = mode;
    this.since = start;
    this.changes = [{ at: start, mode }];
  }

  get active(): boolean {
    return this.mode === 'running' || this.mode === 'paused';
  }

  get stopped(): boolean {
    return !this.active;
  }

  set(mode: Mode, at: number): void {
    if (mode === this.mode) return;
    this.account(at);
    this.mode = mode;
    this.stoppedAt = mode === 'stopped' || mode === 'canceled' ? at : null;
    this.changes.push({ at, mode });
  }

  /** Counts the time of the current mode up to `at`. */
  account(at: number): void {
    if (at <= this.since) return;
    if (this.mode === 'running') {
      const minutes = minutesBetween(this.cal, this.since, at);
      this.runs.push(this.since, at, minutes);
      this.elapsed += minutes;
    } else if (this.mode === 'paused') {
      this.paused += minutesBetween(this.cal, this.since, at);
    }
    this.since = at;
  }
}

/** The target a clock is held to, and since when (a policy event may replace it). */
interface Target {
  minutes: number | null;
  /** Absolute due epoch minute (maintenance resolution), else null. */
  dueAt: number | null;
  escalations: readonly EscalationRule[];
  /** When the current minutes / due time came into force. */
  setAt: number;
}

function targetFor(kind: SlaTargetName, policy: ClockPolicy, at: number, previous?: Target): Target {
  let minutes: number | null;
  let dueAt: number | null = null;
  switch (kind) {
    case 'first_response':
      minutes = policy.firstResponseMinutes;
      break;
    case 'resolution':
      minutes = policy.resolutionMinutes;
      if (policy.resolutionDueAt) dueAt = toMinute(policy.resolutionDueAt, 'policy.resolutionDueAt');
      break;
    case 'next_response':
      minutes = policy.nextResponseMinutes ?? null;
      break;
  }
  const escalations = (policy.escalations ?? []).filter((e) => e.target === kind);
  const same = previous !== undefined && previous.minutes === minutes && previous.dueAt === dueAt;
  return { minutes, dueAt, escalations, setAt: same ? previous.setAt : at };
}

interface Evaluated {
  clock: TargetClock;
  escalations: EscalationState[];
}

function stateOf(mode: Mode, breached: boolean): TargetState {
  switch (mode) {
    case 'running':
      return 'running';
    case 'paused':
      return 'paused';
    case 'stopped':
      return breached ? 'breached' : 'met';
    case 'canceled':
      return 'canceled';
  }
}

/** The epoch minute at which the clock's running time reached `minutes`, or null if not yet. */
function reachedAt(cal: CompiledCalendar, track: Track, minutes: number): number | null {
  if (minutes === 0) return track.start;
  let sum = 0;
  const runs = track.runs;
  for (let i = 0; i < runs.length; i += 3) {
    const m = runs[i + 2]!;
    if (m > 0 && sum + m >= minutes) return addMinutesAt(cal, runs[i]!, minutes - sum);
    sum += m;
  }
  return null;
}

/** Where a clock that has not reached `minutes` would reach them, or null when it cannot now. */
function projectedAt(cal: CompiledCalendar, track: Track, minutes: number, end: number): number | null {
  switch (track.mode) {
    case 'running':
      return addMinutesAt(cal, end, minutes - track.elapsed);
    case 'stopped':
      return addMinutesAt(cal, track.stoppedAt!, minutes - track.elapsed);
    case 'paused':
    case 'canceled':
      return null;
  }
}

function evaluate(cal: CompiledCalendar, kind: SlaTargetName, track: Track, target: Target, end: number): Evaluated | null {
  if (target.minutes === null && target.dueAt === null) return null;
  const endpoint = track.stopped ? track.stoppedAt! : end;
  const stoppedAt = track.stopped ? fromMinute(track.stoppedAt!) : null;
  const levels = (rule: EscalationRule, at: number | null, reached: boolean): EscalationState => ({
    target: kind,
    level: rule.level,
    percent: rule.percent,
    dueAt: at === null ? null : fromMinute(at),
    reached,
  });

  if (target.dueAt !== null) {
    // Absolute due time: fixed, pauses do not move it.
    const due = target.dueAt;
    const targetMinutes = minutesBetween(cal, track.start, due);
    const breached = endpoint > due;
    const remaining = breached ? -minutesBetween(cal, due, endpoint) : minutesBetween(cal, endpoint, due);
    const escalations = target.escalations.map((rule) => {
      const threshold = Math.ceil((targetMinutes * rule.percent) / 100);
      const at = addMinutesAt(cal, track.start, threshold);
      const reached = track.stopped ? at < endpoint : at <= end;
      return levels(rule, reached || !track.stopped ? at : null, reached);
    });
    return {
      clock: {
        targetMinutes,
        elapsedMinutes: track.elapsed,
        pausedMinutes: track.paused,
        remainingMinutes: remaining,
        dueAt: fromMinute(due),
        state: stateOf(track.mode, breached),
        breached,
        breachedAt: breached ? fromMinute(Math.max(due, target.setAt)) : null,
        stoppedAt,
      },
      escalations,
    };
  }

  const minutes = target.minutes!;
  const reach = reachedAt(cal, track, minutes);
  const dueAt = reach ?? projectedAt(cal, track, minutes, end);
  const breached = reach !== null && endpoint > reach;
  const escalations = target.escalations.map((rule) => {
    const threshold = Math.ceil((minutes * rule.percent) / 100);
    const at = reachedAt(cal, track, threshold);
    if (at !== null) return levels(rule, at, track.stopped ? at < endpoint : true);
    return levels(rule, track.mode === 'running' ? addMinutesAt(cal, end, threshold - track.elapsed) : null, false);
  });
  return {
    clock: {
      targetMinutes: minutes,
      elapsedMinutes: track.elapsed,
      pausedMinutes: track.paused,
      remainingMinutes: minutes - track.elapsed,
      // No due time while paused before the target: only the remaining minutes.
      dueAt: dueAt === null || (track.mode === 'paused' && reach === null) ? null : fromMinute(dueAt),
      state: stateOf(track.mode, breached),
      breached,
      breachedAt: breached ? fromMinute(Math.max(reach, target.setAt)) : null,
      stoppedAt,
    },
    escalations,
  };
}

function checkPolicy(policy: ClockPolicy, where: string): void {
  const bad = (message: string) => new SlaError('invalid_argument', `${where}: ${message}`);
  if (typeof policy !== 'object' || policy === null) throw bad('must be an object');
  const minutes: [string, unknown][] = [
    ['firstResponseMinutes', policy.firstResponseMinutes],
    ['resolutionMinutes', policy.resolutionMinutes],
    ['nextResponseMinutes', policy.nextResponseMinutes ?? null],
  ];
  for (const [name, value] of minutes) {
    if (value !== null && (!Number.isSafeInteger(value) || (value as number) < 0)) {
      throw bad(`${name} must be null or a non-negative integer`);
    }
  }
  if (policy.pauseStatuses !== undefined) {
    if (
      !Array.isArray(policy.pauseStatuses) ||
      policy.pauseStatuses.some((s) => !(TICKET_STATUSES as readonly string[]).includes(s))
    ) {
      throw bad('pauseStatuses must list ticket statuses');
    }
  }
  for (const e of policy.escalations ?? []) {
    const targetOk = e.target === 'first_response' || e.target === 'resolution' || e.target === 'next_response';
    if (!targetOk || !Number.isFinite(e.percent) || e.percent <= 0 || !Number.isInteger(e.level)) {
      throw bad('each escalation needs a target, a percent > 0 and an integer level');
    }
  }
  if (policy.resolutionDueAt) toMinute(policy.resolutionDueAt, `${where}.resolutionDueAt`);
}

function checkEvent(event: ClockEvent, index: number): void {
  const where = `events[${index}]`;
  if (typeof event !== 'object' || event === null) throw new SlaError('invalid_argument', `${where} must be an object`);
  toMinute(event.at, `${where}.at`);
  switch (event.type) {
    case 'status':
      if (!(TICKET_STATUSES as readonly string[]).includes(event.to))
        throw new SlaError('invalid_argument', `${where}.to is not a ticket status`);
      return;
    case 'policy':
      checkPolicy(event.policy, `${where}.policy`);
      return;
    case 'created':
    case 'first_response':
    case 'requester_reply':
    case 'agent_reply':
      return;
    default:
      throw new SlaError('invalid_argument', `${where}.type ${JSON.stringify((event as { type: unknown }).type)} is unknown`);
  }
}

/**
 * Replays a ticket's history against its SLA policy on a business-hours calendar and returns the
 * state of every clock at `now`. Pure and deterministic: `now` bounds everything (later events
 * are ignored), nothing reads the system clock.
 */
export function computeTicketClock(
  events: readonly ClockEvent[],
  policy: ClockPolicy,
  calendar: Calendar,
  now: Date,
): TicketClock {
  const cal = compileCalendar(calendar);
  toMinute(now, 'now');
  const nowMs = now.getTime();
  checkPolicy(policy, 'policy');
  events.forEach(checkEvent);
  const sorted = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index);
  const createdEvent = sorted.find((e) => e.event.type === 'created')?.event;
  if (createdEvent === undefined) throw new SlaError('invalid_argument', 'events must include the created event');
  const start = toMinute(createdEvent.at);
  const end = Math.max(toMinute(now), start);

  let current = policy;
  let status: TicketStatus = 'new';
  const fr = new Track(cal, start);
  let frTarget = targetFor('first_response', current, start);
  const res = new Track(cal, start, pauseStatusesOf(current).includes('new') ? 'paused' : 'running');
  let resTarget = targetFor('resolution', current, start);
  const cycles: { track: Track; target: Target }[] = [];
  let replyWhileResolved = false;
  let reopenCount = 0;
  let firstResolutionMinutes: number | null = null;

  const runningCycle = () => {
    const last = cycles[cycles.length - 1];
    return last !== undefined && last.track.mode === 'running' ? last : undefined;
  };
  const startCycle = (at: number) => {
    cycles.push({ track: new Track(cal, at), target: targetFor('next_response', current, at) });
    replyWhileResolved = false;
  };

  for (const { event } of sorted) {
    if (event === createdEvent) continue;
    if (event.at.getTime() > nowMs) break;
    const at = Math.max(toMinute(event.at), start);
    switch (event.type) {
      case 'created':
        break;
      case 'first_response':
        if (fr.mode === 'running') fr.set('stopped', at);
        break;
      case 'agent_reply':
        // A public staff reply is also a first response.
        if (fr.mode === 'running') fr.set('stopped', at);
        runningCycle()?.track.set('stopped', at);
        replyWhileResolved = false;
        break;
      case 'requester_reply':
        if (isOpen(status)) {
          // Before the first response, that clock already covers the requester's wait.
          if (fr.mode === 'stopped' && runningCycle() === undefined) startCycle(at);
        } else if (isDone(status)) {
          replyWhileResolved = true;
        }
        break;
      case 'policy': {
        current = event.policy;
        if (fr.active) frTarget = targetFor('first_response', current, at, frTarget);
        if (res.active) {
          resTarget = targetFor('resolution', current, at, resTarget);
          res.set(pauseStatusesOf(current).includes(status) ? 'paused' : 'running', at);
        }
        const cycle = runningCycle();
        if (cycle !== undefined) cycle.target = targetFor('next_response', current, at, cycle.target);
        break;
      }
      case 'status': {
        const to = event.to;
        if (to === status) break;
        const previous = status;
        status = to;
        const open: Mode = pauseStatusesOf(current).includes(to) ? 'paused' : 'running';

        // Resolution: stops at resolved (or closed), pauses in pause statuses, resumes on reopen.
        if (isOpen(to)) {
          if (res.stopped) {
            if (res.mode === 'stopped') reopenCount++;
            resTarget = targetFor('resolution', current, at, resTarget);
          }
          res.set(open, at);
        } else if (res.active) {
          res.set(isDone(to) ? 'stopped' : 'canceled', at);
          if (isDone(to) && firstResolutionMinutes === null) firstResolutionMinutes = res.elapsed;
        }

        // First response: resolving answers the requester too; canceling stops it; uncanceling resumes it.
        if (fr.mode === 'running' && !isOpen(to)) fr.set(isDone(to) ? 'stopped' : 'canceled', at);
        else if (fr.mode === 'canceled' && isOpen(to)) {
          fr.set('running', at);
          frTarget = targetFor('first_response', current, at, frTarget);
        }

        // Next response: resolving ends the cycle, canceling cancels it; a reopen after an unanswered
        // requester reply starts one.
        if (!isOpen(to)) runningCycle()?.track.set(isDone(to) ? 'stopped' : 'canceled', at);
        else if (isDone(previous) && replyWhileResolved && fr.mode === 'stopped') startCycle(at);
        break;
      }
    }
  }

  fr.account(end);
  res.account(end);
  for (const c of cycles) c.track.account(end);

  const firstResponse = evaluate(cal, 'first_response', fr, frTarget, end);
  const resolution = evaluate(cal, 'resolution', res, resTarget, end);
  const cycleResults = cycles.map((c) => evaluate(cal, 'next_response', c.track, c.target, end));
  const nextResponse = cycleResults.length > 0 ? cycleResults[cycleResults.length - 1]! : null;

  const evaluated = [firstResponse, resolution, nextResponse].filter((e): e is Evaluated => e !== null);
  let dueAt: Date | null = null;
  let nextEscalationAt: Date | null = null;
  for (const e of evaluated) {
    if (e.clock.state !== 'running') continue;
    if (e.clock.dueAt !== null && (dueAt === null || e.clock.dueAt < dueAt)) dueAt = e.clock.dueAt;
    for (const level of e.escalations) {
      if (!level.reached && level.dueAt !== null && (nextEscalationAt === null || level.dueAt < nextEscalationAt)) {
        nextEscalationAt = level.dueAt;
      }
    }
  }

  return {
    firstResponse: firstResponse?.clock ?? null,
    resolution: resolution?.clock ?? null,
    nextResponse: nextResponse?.clock ?? null,
    nextResponseCycles: cycles.length,
    nextResponseBreached: cycleResults.some((r) => r?.clock.breached === true),
    dueAt,
    reopenCount,
    firstResolutionMinutes,
    nextEscalationAt,
    escalations: evaluated.flatMap((e) => e.escalations),
    segments: timeline(cal, res, end),
  };
}

/** The resolution clock's timeline: running / paused split by business hours, stopped between reopens. */
function timeline(cal: CompiledCalendar, track: Track, end: number): ClockSegment[] {
  const out: { from: number; to: number; state: SegmentState }[] = [];
  const push = (from: number, to: number, state: SegmentState) => {
    if (to <= from) return;
    const last = out[out.length - 1];
    if (last !== undefined && last.state === state && last.to === from) last.to = to;
    else out.push({ from, to, state });
  };
  const last = track.stopped ? track.stoppedAt! : end;
  const changes = track.changes;
  for (let i = 0; i < changes.length; i++) {
    const from = changes[i]!.at;
    const to = Math.min(i + 1 < changes.length ? changes[i + 1]!.at : last, last);
    if (to <= from) continue;
    const mode = changes[i]!.mode;
    if (mode === 'stopped' || mode === 'canceled') {
      push(from, to, 'stopped');
      continue;
    }
    if (out.length >= SEGMENT_CAP) {
      push(from, to, mode);
      continue;
    }
    let cursor = from;
    let capped = false;
    forEachBusinessInterval(cal, from, to, (a, b) => {
      capped = out.length >= SEGMENT_CAP;
      if (capped) return false;
      push(cursor, a, 'outside_hours');
      push(a, b, mode);
      cursor = b;
      return true;
    });
    push(cursor, to, capped ? mode : 'outside_hours');
  }
  return out.map((s) => ({ from: fromMinute(s.from), to: fromMinute(s.to), state: s.state }));
}
