/**
 * The demo city's story, as rules of time: for its first year IT only reacts (apart from the
 * data center's routine); in year two each department starts a preventive programme (patching,
 * backup tests, checks of its own systems, replacing worn-out devices), one after another; a
 * couple of months later its incidents start to fall, and by year three they are well down, with
 * fewer outages, fewer emergency call-outs and fewer missed targets. Anchored to "now": year
 * three is the last twelve months, whatever the length of the history.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
export const MONTH_MS = (365.25 / 12) * DAY_MS;

/** How long a department's programme takes to reach its full size. */
const PHASE_IN_MONTHS = 6;
/** Prevention shows in the incident numbers this long after the programme starts… */
const EFFECT_LAG_MONTHS = 2;
/** …and reaches its full effect this much later. */
const EFFECT_RAMP_MONTHS = 10;

export interface PreventionPlan {
  /** Months after year two begins (24 months before now) that the department's programme starts. */
  startMonth: number;
  /** The share of its incidents prevention removes once mature. */
  effect: number;
}

/**
 * Staggered: IT and the life-safety departments first, Parks & Recreation last (it starts in
 * year three and has barely felt it by now, as a city's last department would).
 */
export const PREVENTION: Readonly<Record<string, PreventionPlan>> = {
  IT: { startMonth: 0, effect: 0.4 },
  PD: { startMonth: 1, effect: 0.38 },
  FIN: { startMonth: 2, effect: 0.4 },
  FD: { startMonth: 3, effect: 0.35 },
  UTIL: { startMonth: 4, effect: 0.42 },
  CH: { startMonth: 5, effect: 0.33 },
  LIB: { startMonth: 6, effect: 0.36 },
  PW: { startMonth: 7, effect: 0.32 },
  HR: { startMonth: 8, effect: 0.3 },
  PLAN: { startMonth: 9, effect: 0.34 },
  COURT: { startMonth: 10, effect: 0.28 },
  PARKS: { startMonth: 13, effect: 0.25 },
};

/** A department the story does not name starts with the last ones. */
const LATE: PreventionPlan = { startMonth: 12, effect: 0.25 };

export const planOf = (code: string): PreventionPlan => PREVENTION[code] ?? LATE;

/** When the department's preventive programme starts. */
export function programmeStart(code: string, now: Date): Date {
  return new Date(now.getTime() - 24 * MONTH_MS + planOf(code).startMonth * MONTH_MS);
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const monthsSince = (from: Date, at: Date) => (at.getTime() - from.getTime()) / MONTH_MS;

/** 0 before the programme, rising to 1 over its first months: how much of it runs at `at`. */
export function proactiveRamp(code: string, at: Date, now: Date): number {
  return clamp01(monthsSince(programmeStart(code, now), at) / PHASE_IN_MONTHS);
}

/** 0 until prevention shows, rising to 1 when it has its full effect. */
export function preventionMaturity(code: string, at: Date, now: Date): number {
  return clamp01((monthsSince(programmeStart(code, now), at) - EFFECT_LAG_MONTHS) / EFFECT_RAMP_MONTHS);
}

/** The department's incident rate at `at`, as a share of its rate before prevention. */
export function incidentRate(code: string, at: Date, now: Date): number {
  return 1 - planOf(code).effect * preventionMaturity(code, at, now);
}

/**
 * How hard-pressed the desk is for a department's tickets (1 before prevention, lower after):
 * fewer fires means quicker answers, fewer outages and fewer emergency call-outs.
 */
export function pressure(code: string, at: Date, now: Date): number {
  return 1 - 0.7 * preventionMaturity(code, at, now);
}

/** Linear interpolation from `calm` (pressure 0) to `busy` (pressure 1). */
export const byPressure = (p: number, calm: number, busy: number): number => calm + (busy - calm) * p;
