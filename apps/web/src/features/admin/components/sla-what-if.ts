import { computeTicketClock, SlaError, validateCalendar, type Calendar as ClockCalendar, type Weekday } from '@civicdesk/sla';
import type { Calendar, Priority, SlaEscalation, SlaPolicy, TicketKind } from '../../../lib/api/api-types';
import { formatShortInZone } from '../../../lib/time/zoned-time';
import { actionLabel, formatBusinessMinutes, targetLabel, type PolicyConditions } from './sla-policy-words';

/** The API's calendar as the clock library takes it. */
export function toClockCalendar({
  timeZone,
  windows,
  holidays,
}: Pick<Calendar, 'timeZone' | 'windows' | 'holidays'>): ClockCalendar {
  return {
    timeZone,
    // The API only stores days 0..6; the library checks again.
    windows: windows.map(({ day, start, end }) => ({ day: day as Weekday, start, end })),
    holidays: holidays.map(({ date, name, yearly, observed }) => ({ date, name, yearly, observed })),
  };
}

/** A policy's targets as the form holds them, saved or not. */
export type WhatIfTargets = Pick<
  SlaPolicy,
  'firstResponseMinutes' | 'resolutionMinutes' | 'nextResponseMinutes' | 'pauseStatuses' | 'escalations'
>;

export interface WhatIfLevel extends SlaEscalation {
  /** Null for next-response levels: those count from each requester reply, not from filing. */
  dueAt: Date | null;
}

export interface WhatIfOutcome {
  firstResponseDue: Date | null;
  /** Null when the resolution clock starts paused (New is one of the pause statuses) or has no target. */
  resolutionDue: Date | null;
  levels: WhatIfLevel[];
}

/**
 * When a ticket filed at `filedAt`, with nothing else happening to it, is due and escalates: the
 * SLA library's own clock, so the preview cannot disagree with what tickets will get. Null with the
 * reasons when the calendar or the targets cannot run a clock.
 */
export function whatIf(
  targets: WhatIfTargets,
  calendar: ClockCalendar,
  filedAt: Date,
): { outcome: WhatIfOutcome; problems?: never } | { outcome?: never; problems: string[] } {
  const problems = validateCalendar(calendar);
  if (problems.length > 0) return { problems };
  const rules = targets.escalations.map(({ target, percent, level }) => ({ target, percent, level }));
  try {
    const clock = computeTicketClock([{ type: 'created', at: filedAt }], { ...targets, escalations: rules }, calendar, filedAt);
    const levels = [...targets.escalations]
      .sort((a, b) => a.target.localeCompare(b.target) || a.level - b.level)
      .map((escalation) => ({
        ...escalation,
        dueAt: clock.escalations.find((s) => s.target === escalation.target && s.level === escalation.level)?.dueAt ?? null,
      }));
    return {
      outcome: { firstResponseDue: clock.firstResponse?.dueAt ?? null, resolutionDue: clock.resolution?.dueAt ?? null, levels },
    };
  } catch (error) {
    if (error instanceof SlaError) return { problems: [error.message] };
    throw error;
  }
}

export interface WhatIfTicket {
  kind: TicketKind;
  priority: Priority;
  departmentId: string;
}

/** Whether the policy's conditions let it apply to the ticket (its category aside). */
export function policyCovers(conditions: Omit<PolicyConditions, 'categoryIds'>, ticket: WhatIfTicket): boolean {
  const allows = <T>(list: readonly T[], value: T) => list.length === 0 || list.includes(value);
  return (
    allows(conditions.kinds, ticket.kind) &&
    allows(conditions.priorities, ticket.priority) &&
    allows(conditions.departmentIds, ticket.departmentId)
  );
}

/**
 * "A P2 incident from Finance filed Fri 27 Nov 16:30 is first-responded by Mon 30 Nov 08:30 and
 * resolved by Mon 30 Nov 15:30." Times as the calendar's clocks show them.
 */
export function describeOutcome(
  subject: string,
  filedAt: Date,
  timeZone: string,
  targets: WhatIfTargets,
  outcome: WhatIfOutcome,
): string {
  const at = (instant: Date) => formatShortInZone(instant, timeZone);
  const due = [
    outcome.firstResponseDue ? `first-responded by ${at(outcome.firstResponseDue)}` : null,
    outcome.resolutionDue ? `resolved by ${at(outcome.resolutionDue)}` : null,
  ].filter(Boolean);
  const filed = `${subject} filed ${at(filedAt)}`;
  const sentence = due.length > 0 ? `${filed} is ${due.join(' and ')}` : `${filed} has no due time under these targets`;
  const paused = targets.resolutionMinutes !== null && !outcome.resolutionDue;
  return paused ? `${sentence}; its resolution clock waits while the ticket is New (a pause status).` : `${sentence}.`;
}

/** "After each requester reply, staff reply within 2 business hours." */
export function describeNextResponse(targets: WhatIfTargets): string | null {
  if (targets.nextResponseMinutes === null) return null;
  return `After each requester reply, staff reply within ${formatBusinessMinutes(targets.nextResponseMinutes)}.`;
}

const both = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** "Level 1, 75 % of first response: Mon 30 Nov 08:15 — notify the assignee and raise the priority." */
export function describeLevel(level: WhatIfLevel, timeZone: string): string {
  const when = level.dueAt ? formatShortInZone(level.dueAt, timeZone) : 'counted from each requester reply';
  const actions = both.format(level.actions.map((action) => actionLabel(action).toLowerCase()));
  return `Level ${level.level}, ${level.percent} % of ${targetLabel(level.target).toLowerCase()}: ${when} — ${actions}.`;
}
