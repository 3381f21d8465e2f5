import { TZDate } from '@date-fns/tz';
import { addBusinessMinutes, type Calendar } from '@civicdesk/sla';
import type { AssetType } from '../../../modules/assets/domain/asset-vocabulary.js';
import { localDate } from '../../../modules/maintenance/domain/plan-schedule.js';
import type { TicketFacts } from '../../../modules/sla-policies/domain/policy-matcher.js';
import type {
  HistoricalExpense,
  HistoricalTicket,
  HistoricalWorkLog,
} from '../../../modules/ticket-history/ticket-history.writer.js';
import { computePriority } from '../../../modules/tickets/domain/priority.js';
import type { Impact, Priority, TicketKind, Urgency } from '../../../modules/tickets/domain/ticket-vocabulary.js';
import {
  CATEGORY_QUEUE,
  INCIDENTS,
  PROACTIVE,
  profileOf,
  REQUESTS,
  WORK_NOTES,
  type Cadence,
  type CategoryName,
  type ExpenseChance,
  type IncidentTemplate,
  type ProactiveTemplate,
  type QueueName,
} from './catalog.js';
import { Random } from './random.js';
import {
  civilDay,
  dayFactor,
  nextDay,
  openingMinute,
  STORM_EXPOSED,
  stormDays,
  type CivilDay,
  type Schedule,
} from './seasonality.js';
import { byPressure, incidentRate, MONTH_MS, pressure, programmeStart, proactiveRamp } from './story.js';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const YEAR_MS = 365.25 * DAY_MS;

export interface HistoryDepartment {
  id: string;
  code: string;
  lifeSafety: boolean;
  schedule: Schedule;
  employeeIds: readonly string[];
}

export interface HistoryAsset {
  id: string;
  tag: string;
  name: string;
  type: AssetType;
  departmentCode: string;
  /** 'YYYY-MM-DD' */
  purchaseDate: string;
  costCents: number;
  retiredAt: Date | null;
  /** Bought under the department's programme to replace a worn-out one: its refresh ticket is on this date. */
  refreshed: boolean;
  /** Breaks again and again. */
  lemon: boolean;
}

/** The targets of the SLA policy tickets with these facts match, and the calendar their clock runs on. */
export interface SlaTargets {
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  calendar: Calendar;
}

/** The demo city as the history needs it: who files, who works, what breaks, and the rules it is timed by. */
export interface HistoryCity {
  timeZone: string;
  fiscalYearStartMonth: number;
  autoCloseDays: number;
  departments: readonly HistoryDepartment[];
  queues: Readonly<Record<QueueName, { id: string; memberIds: readonly string[] }>>;
  categories: Readonly<Record<CategoryName, string>>;
  assets: readonly HistoryAsset[];
  /** Who set up the preventive work (a scheduled ticket's requester, as a plan's creator is). */
  plannerId: string;
  /** 'YYYY-MM-DD' dates the city is closed. */
  holidays: ReadonlySet<string>;
  targets(facts: TicketFacts): SlaTargets | null;
  /** Maintenance plans of the demo generate their own tasks from this instant; history leaves those to them. */
  plansFrom: Date;
  /** The highest hourly rate a technician earns, in cents: keeps ordinary assets' repair bills in check. */
  maxRateCents: number;
}

export interface HistoryOptions {
  now: Date;
  /** Years of history before `end`. */
  years: number;
  /** Ticket volume relative to the demo city's (1 = about 7,000 tickets a year). */
  scale: number;
  seed: number;
  /** Tickets are opened before this instant (the demo's current tickets come after). */
  end: Date;
}

/** The share of an ordinary device's price its reactive repairs may reach; lemons go past the report's half. */
const ORDINARY_REPAIR_SHARE = 0.3;

/**
 * Years of a city's helpdesk, in the order they happened: incidents and service requests with
 * the seasons, the weekdays and storms; each with a requester, a technician from the queue its
 * category routes to, a priority from the ITIL matrix, answers and fixes timed against its SLA
 * policy in business minutes (slower, with more breaches, while the desk is fire-fighting), the
 * odd pause and reopen, work logs and expenses; and the preventive programmes of the story with
 * their maintenance tasks and device refreshes. Pure: the same city, options and seed give the
 * same tickets. Every ticket is finished (resolved, closed or canceled) before `now`.
 */
export function generateHistory(city: HistoryCity, options: HistoryOptions): HistoricalTicket[] {
  return [...historyByMonth(city, options)].flat();
}

/**
 * The same history a month at a time, each month's tickets opened before the next month's: a
 * caller can write one month while the next is generated.
 */
export function* historyByMonth(city: HistoryCity, options: HistoryOptions): Generator<HistoricalTicket[]> {
  const root = Random.seeded(options.seed);
  yield* new CityHistory(city, options, {
    volume: root.fork(),
    tickets: root.fork(),
    proactive: root.fork(),
    lemons: root.fork(),
    storms: root.fork(),
  }).months();
}

interface Streams {
  volume: Random;
  tickets: Random;
  proactive: Random;
  lemons: Random;
  storms: Random;
}

interface Milestones {
  firstResponseAt: Date | null;
  pauses: { from: Date; to: Date; status: 'waiting_on_requester' | 'waiting_on_vendor' }[];
  reopened: { resolvedAt: Date; reopenedAt: Date }[];
  resolvedAt: Date | null;
  closedAt: Date | null;
  canceled: boolean;
}

class CityHistory {
  private readonly start: Date;
  private readonly limit: Date;
  private readonly storms: Map<string, number>;
  private readonly assetsByDepartment = new Map<string, HistoryAsset[]>();
  /** Reactive spend on each asset so far, in cents (labour estimated at the top rate). */
  private readonly assetSpend = new Map<string, number>();

  constructor(
    private readonly city: HistoryCity,
    private readonly options: HistoryOptions,
    private readonly random: Streams,
  ) {
    this.start = new Date(options.end.getTime() - options.years * YEAR_MS);
    // The last instant a milestone may have: a little before now.
    this.limit = new Date(options.now.getTime() - HOUR_MS);
    const fromYear = Number(localDate(this.start, city.timeZone).slice(0, 4));
    this.storms = stormDays(random.storms, fromYear, Number(localDate(options.end, city.timeZone).slice(0, 4)));
    for (const a of city.assets) {
      const list = this.assetsByDepartment.get(a.departmentCode);
      if (list) list.push(a);
      else this.assetsByDepartment.set(a.departmentCode, [a]);
    }
  }

  /** Month by month, in the order tickets were opened (the writer numbers them in the order given). */
  *months(): Generator<HistoricalTicket[]> {
    const inRange = (t: HistoricalTicket) => t.openedAt >= this.start && t.openedAt < this.options.end;
    const byOpening = (a: HistoricalTicket, b: HistoricalTicket) => a.openedAt.getTime() - b.openedAt.getTime();
    // The scheduled work and the lemons' repairs, drawn from streams of their own, merged in as their months come.
    const planned = [...this.proactive(), ...this.refreshes(), ...this.lemonRepairs()].filter(inRange).sort(byOpening);
    let next = 0;
    const last = localDate(this.options.end, this.city.timeZone);
    let month: HistoricalTicket[] = [];
    for (let day = this.dayOf(this.start); day.date <= last;) {
      this.day(day, month);
      const following = nextDay(day);
      if (following.month !== day.month || following.date > last) {
        const before = following.date > last ? this.options.end : this.at(following, 0);
        while (next < planned.length && planned[next]!.openedAt < before) month.push(planned[next++]!);
        yield month.filter(inRange).sort(byOpening);
        month = [];
      }
      day = following;
    }
  }

  /** One day of incidents and service requests, department by department. */
  private day(day: CivilDay, out: HistoricalTicket[]): void {
    const context = {
      holidays: this.city.holidays,
      storms: this.storms,
      fiscalYearStartMonth: this.city.fiscalYearStartMonth,
    };
    const noon = this.at(day, 12 * 60);
    for (const dept of this.city.departments) {
      if (dept.employeeIds.length === 0) continue;
      const profile = profileOf(dept.code);
      const factor = dayFactor(dept.code, dept.schedule, day, context);
      const incidents = this.random.volume.poisson(
        profile.incidentsPerDay * factor * incidentRate(dept.code, noon, this.options.now) * this.options.scale,
      );
      const storm = STORM_EXPOSED.has(dept.code) && this.storms.has(day.date);
      for (let i = 0; i < incidents; i++) {
        out.push(this.incident(dept, this.at(day, openingMinute(this.random.volume, dept.schedule)), storm));
      }
      const hiring = day.month === 5 || day.month === 6 || day.month === 9 ? 1.3 : 1;
      const requests = this.random.volume.poisson(
        profile.requestsPerDay * (factor / (storm ? (this.storms.get(day.date) ?? 1) : 1)) * hiring * this.options.scale,
      );
      for (let i = 0; i < requests; i++) {
        out.push(this.request(dept, this.at(day, openingMinute(this.random.volume, dept.schedule)), day.month));
      }
    }
  }

  private incident(dept: HistoryDepartment, openedAt: Date, storm: boolean): HistoricalTicket {
    const r = this.random.tickets;
    const p = pressure(dept.code, openedAt, this.options.now);
    const mix = Object.entries(profileOf(dept.code).mix).map(([category, weight]): [CategoryName, number] => [
      category as CategoryName,
      storm && (category === 'Network' || category === 'Telecom') ? weight * 4 : weight,
    ]);
    const category = r.weighted(mix);
    const templates = INCIDENTS.filter((t) => t.category === category && (!t.departments || t.departments.includes(dept.code)));
    const template: IncidentTemplate = templates.length > 0 ? r.pick(templates) : GENERIC;
    // Under pressure more problems are outages; prevention takes the big ones out first.
    const wide = byPressure(p, 0.45, 1) * (storm ? 2 : 1);
    const impact = r.weighted(
      template.impact.map(([i, w]): [Impact, number] => [i, i === 'department' || i === 'city_wide' ? w * wide : w]),
    );
    const urgency = r.weighted<Urgency>([
      ['work_stopped', 0.14 * byPressure(p, 0.55, 1)],
      ['work_degraded', 0.42],
      ['inconvenience', 0.34],
      ['can_wait', 0.1],
    ]);
    const { priority, queueId, categoryId, assigneeId, requesterId, targets } = this.route(
      r,
      dept,
      'incident',
      template.category,
      impact,
      urgency,
    );
    const createdById = r.chance(0.15) ? r.pick(this.city.queues['Service Desk'].memberIds) : requesterId;
    const pauseChances = template.vendorWaits ? { vendor: 0.14, requester: 0.08 } : { vendor: 0.03, requester: 0.13 };
    const life = this.milestones(r, openedAt, targets, p, { cancel: 0.02, reopen: 0.03, ...pauseChances });
    const big = priority === 'P1' || priority === 'P2';
    const minutes = life.canceled ? 0 : roundTo5(clamp(r.logNormal(template.minutes * (big ? 1.6 : 1), 0.6), 10, 900));
    const expenses = life.canceled
      ? []
      : this.expenses(r, template.expenses ?? [], life, assigneeId, byPressure(p, 0.65, 1) * (big ? 1.5 : 1));
    const asset = template.assets ? this.chooseAsset(r, dept.code, template.assets, openedAt, minutes, expenses) : undefined;
    return {
      kind: 'incident',
      title: r.pick(template.titles),
      description: `${r.pick(template.titles)}. Reported from ${r.pick(PLACES)}.`,
      impact,
      urgency,
      priority,
      departmentId: dept.id,
      queueId,
      categoryId,
      assetId: asset?.id ?? null,
      requesterId,
      createdById,
      assigneeId,
      workerId: assigneeId,
      source: 'web',
      openedAt,
      ...life,
      workLogs: this.workLogs(r, 'incident', minutes, assigneeId, life),
      expenses: expenses.map((e) => ({ ...e, assetId: asset && (e.type === 'parts' || e.type === 'vendor') ? asset.id : null })),
    };
  }

  private request(dept: HistoryDepartment, openedAt: Date, month: number): HistoricalTicket {
    const r = this.random.tickets;
    const seasonalHires = dept.code === 'PARKS' && (month === 4 || month === 5) ? 3 : 2;
    const template = r.weighted(
      REQUESTS.map((t) => [t, t.hiring && (month === 5 || month === 6 || month === 9) ? t.weight * seasonalHires : t.weight]),
    );
    const impact: Impact = 'one_person';
    const urgency = r.weighted<Urgency>([
      ['work_stopped', 0.08],
      ['inconvenience', 0.5],
      ['can_wait', 0.42],
    ]);
    const { priority, queueId, categoryId, assigneeId, requesterId, targets } = this.route(
      r,
      dept,
      'service_request',
      template.category,
      impact,
      urgency,
    );
    const life = this.milestones(r, openedAt, targets, 0.5, { cancel: 0.03, reopen: 0.015, vendor: 0, requester: 0.2 });
    const minutes = life.canceled ? 0 : roundTo5(clamp(r.logNormal(template.minutes, 0.5), 10, 480));
    return {
      kind: 'service_request',
      title: r.pick(template.titles),
      description: `${r.pick(template.titles)}, please.`,
      impact,
      urgency,
      priority,
      departmentId: dept.id,
      queueId,
      categoryId,
      assetId: null,
      requesterId,
      createdById: requesterId,
      assigneeId,
      workerId: assigneeId,
      source: 'web',
      openedAt,
      ...life,
      workLogs: this.workLogs(r, 'service_request', minutes, assigneeId, life),
      expenses: life.canceled ? [] : this.expenses(r, template.expenses ?? [], life, assigneeId, 1),
    };
  }

  /**
   * Who files and works a ticket, as the live rules route it: the priority from the ITIL matrix,
   * the category's queue and one of its technicians, an employee of the department, and the
   * targets of the SLA policy its facts match.
   */
  private route(
    r: Random,
    dept: HistoryDepartment,
    kind: TicketKind,
    category: CategoryName,
    impact: Impact,
    urgency: Urgency,
  ): {
    priority: Priority;
    queueId: string;
    categoryId: string;
    assigneeId: string;
    requesterId: string;
    targets: SlaTargets | null;
  } {
    const priority = computePriority(impact, urgency, dept.lifeSafety);
    const queue = this.city.queues[CATEGORY_QUEUE[category]];
    const categoryId = this.city.categories[category];
    return {
      priority,
      queueId: queue.id,
      categoryId,
      assigneeId: r.pick(queue.memberIds),
      requesterId: r.pick(dept.employeeIds),
      targets: this.city.targets({ kind, priority, departmentId: dept.id, categoryId }),
    };
  }

  /**
   * When a ticket was answered, paused, resolved, reopened and closed: business minutes drawn
   * around a share of the policy's targets (a larger share, with more past the target, under
   * pressure), laid out on the policy's calendar. Finished by `limit` whatever the draw.
   */
  private milestones(
    r: Random,
    openedAt: Date,
    targets: SlaTargets | null,
    p: number,
    chances: { cancel: number; reopen: number; vendor: number; requester: number },
  ): Milestones {
    const none: Milestones = {
      firstResponseAt: null,
      pauses: [],
      reopened: [],
      resolvedAt: null,
      closedAt: null,
      canceled: false,
    };
    if (r.chance(chances.cancel)) {
      return { ...none, canceled: true, closedAt: this.capped(new Date(openedAt.getTime() + r.logNormal(3, 0.8) * HOUR_MS)) };
    }
    const calendar = targets?.calendar ?? OFFICE;
    const add = (from: Date, minutes: number) => addBusinessMinutes(from, minutes, calendar);
    const respond = targets?.firstResponseMinutes ?? 9 * 60;
    const resolve = targets?.resolutionMinutes ?? 10 * 9 * 60;
    const firstMinutes = Math.max(1, Math.round(respond * r.logNormal(byPressure(p, 0.18, 0.4), 0.8)));
    const activeMinutes = Math.max(firstMinutes + 10, Math.round(resolve * r.logNormal(byPressure(p, 0.2, 0.42), 0.85)));
    let firstResponseAt = add(openedAt, firstMinutes);
    const pauses: Milestones['pauses'] = [];
    let resolvedAt: Date;
    const wait = r.weighted<'waiting_on_vendor' | 'waiting_on_requester' | null>([
      ['waiting_on_vendor', chances.vendor],
      ['waiting_on_requester', chances.requester],
      [null, 1 - chances.vendor - chances.requester],
    ]);
    if (wait) {
      const before = firstMinutes + Math.round((activeMinutes - firstMinutes) * r.between(0.2, 0.8));
      const from = add(openedAt, before);
      const to = new Date(
        from.getTime() + Math.max(20 * MINUTE_MS, r.logNormal(wait === 'waiting_on_vendor' ? 40 : 16, 0.7) * HOUR_MS),
      );
      pauses.push({ from, to, status: wait });
      resolvedAt = add(to, Math.max(1, activeMinutes - before));
    } else {
      resolvedAt = add(openedAt, activeMinutes);
    }
    const reopened: Milestones['reopened'] = [];
    if (r.chance(chances.reopen)) {
      const reopenedAt = new Date(resolvedAt.getTime() + r.logNormal(22, 0.6) * HOUR_MS);
      reopened.push({ resolvedAt, reopenedAt });
      resolvedAt = add(reopenedAt, 5 + Math.round(r.logNormal(90, 0.7)));
    }
    if (resolvedAt > this.limit) {
      // Still being worked at the end of the history: it was one of the quick ones.
      reopened.length = 0;
      if (firstResponseAt > this.limit) firstResponseAt = new Date(openedAt.getTime() + 30 * MINUTE_MS);
      if (pauses[0] && pauses[0].to >= this.limit) pauses.length = 0;
      const floor = Math.max(firstResponseAt.getTime(), pauses[0]?.to.getTime() ?? 0) + MINUTE_MS;
      resolvedAt = new Date(Math.max(floor, this.limit.getTime() - r.between(0, 12) * HOUR_MS));
    }
    const closedAt = new Date(
      r.chance(0.35)
        ? resolvedAt.getTime() + r.logNormal(5, 0.8) * HOUR_MS // confirmed by the requester
        : resolvedAt.getTime() + this.city.autoCloseDays * DAY_MS + r.between(0.5, 6) * HOUR_MS, // the nightly auto-close
    );
    return { firstResponseAt, pauses, reopened, resolvedAt, closedAt: closedAt <= this.limit ? closedAt : null, canceled: false };
  }

  private capped(at: Date): Date {
    return at > this.limit ? this.limit : at;
  }

  /** The minutes worked, in one to three entries between the first response and the resolution, on the days they were done. */
  private workLogs(r: Random, kind: TicketKind, minutes: number, userId: string, life: Milestones): HistoricalWorkLog[] {
    if (minutes <= 0 || !life.resolvedAt) return [];
    const from = (life.firstResponseAt ?? life.resolvedAt).getTime();
    const to = life.resolvedAt.getTime();
    const entries = Math.min(
      r.weighted<number>([
        [1, 0.65],
        [2, 0.28],
        [3, 0.07],
      ]),
      Math.max(1, Math.floor(minutes / 10)),
    );
    const shares = Array.from({ length: entries }, () => r.between(0.5, 1.5));
    const total = shares.reduce((a, b) => a + b, 0);
    const notes = WORK_NOTES[kind];
    let left = minutes;
    return shares.map((share, i) => {
      const part =
        i === entries - 1 ? left : Math.max(5, Math.min(left - 5 * (entries - 1 - i), roundTo5((minutes * share) / total)));
      left -= part;
      return {
        userId,
        workDate: localDate(new Date(from + ((to - from) * (i + 1)) / entries), this.city.timeZone),
        minutes: part,
        note: notes[Math.min(i, notes.length - 1)]!,
      };
    });
  }

  private expenses(
    r: Random,
    chances: readonly ExpenseChance[],
    life: Milestones,
    userId: string,
    likelihood: number,
  ): HistoricalExpense[] {
    if (!life.resolvedAt) return [];
    const spentOn = localDate(life.resolvedAt, this.city.timeZone);
    return chances
      .filter((e) => r.chance(Math.min(1, e.chance * likelihood)))
      .map((e) => ({
        type: e.type,
        amountCents: Math.round(r.between(e.low, e.high)) * 100 + r.pick([0, 0, 50, 99]),
        vendor: e.vendor,
        spentOn,
        description: e.description,
        assetId: null,
        userId,
      }));
  }

  /**
   * A device of the department the problem is with: one in use at the time, and only while its
   * repairs stay a modest share of its price (after that the technician leaves it unlinked).
   */
  private chooseAsset(
    r: Random,
    code: string,
    types: readonly AssetType[],
    at: Date,
    minutes: number,
    expenses: readonly HistoricalExpense[],
  ): HistoryAsset | undefined {
    if (!r.chance(0.7)) return undefined;
    const day = localDate(at, this.city.timeZone);
    const fits = (this.assetsByDepartment.get(code) ?? []).filter(
      (a) => types.includes(a.type) && a.purchaseDate < day && !a.lemon && (!a.retiredAt || a.retiredAt > at),
    );
    if (fits.length === 0) return undefined;
    const asset = r.pick(fits);
    const cost =
      Math.round((minutes * this.city.maxRateCents) / 60) +
      expenses.filter((e) => e.type === 'parts' || e.type === 'vendor').reduce((sum, e) => sum + e.amountCents, 0);
    const spent = this.assetSpend.get(asset.id) ?? 0;
    if (spent + cost > asset.costCents * ORDINARY_REPAIR_SHARE) return undefined;
    this.assetSpend.set(asset.id, spent + cost);
    return asset;
  }

  /** The departments' preventive tasks, occurrence by occurrence, from when each is part of the programme. */
  private proactive(): HistoricalTicket[] {
    const out: HistoricalTicket[] = [];
    const r = this.random.proactive;
    for (const dept of this.city.departments) {
      const templates = PROACTIVE.filter((t) => t.departments === '*' || t.departments.includes(dept.code));
      const starts = programmeStart(dept.code, this.options.now).getTime();
      const devices = (this.assetsByDepartment.get(dept.code) ?? []).length;
      templates.forEach((template, k) => {
        // The programme phases its tasks in over six months.
        const from = template.baseline ? this.start.getTime() : starts + ((k * 6) / templates.length) * MONTH_MS;
        const until = template.plan
          ? Math.min(this.options.end.getTime(), this.city.plansFrom.getTime())
          : this.options.end.getTime();
        for (const due of this.occurrences(
          template.cadence,
          k,
          new Date(Math.max(from, this.start.getTime())),
          new Date(until),
        )) {
          const copies = Math.floor(this.options.scale) + (r.chance(this.options.scale % 1) ? 1 : 0);
          for (let c = 0; c < copies; c++) out.push(this.task(r, dept, template, due, devices, c));
        }
      });
    }
    return out;
  }

  /** The due days of a cadence between two instants, each at 16:00 on a working day. */
  private occurrences(cadence: Cadence, k: number, from: Date, until: Date): Date[] {
    const dues: Date[] = [];
    const [y, m] = localDate(from, this.city.timeZone).split('-').map(Number) as [number, number];
    const months: Record<Exclude<Cadence, 'weekly'>, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };
    if (cadence === 'weekly') {
      for (let day = civilDay(y, m, 1); ; day = nextDay(day)) {
        const due = this.at(day, 16 * 60);
        if (due >= until) break;
        if (day.weekday === 1 && due >= from) dues.push(this.workingDay(day));
      }
      return dues;
    }
    const step = months[cadence];
    // Spread the tasks over the month and, for the rarer ones, over the months of their cycle.
    const offset = cadence === 'yearly' ? (k * 5) % 12 : k % step;
    for (let month = m - 12 + offset; ; month += step) {
      const first = civilDay(y, month, 1);
      const day = civilDay(first.year, first.month, 5 + ((k * 7) % 18));
      const due = this.workingDay(day);
      if (due >= until) break;
      if (due >= from) dues.push(due);
    }
    return dues;
  }

  /** 16:00 on the day, or on the next working day when it falls on a weekend or holiday. */
  private workingDay(day: CivilDay): Date {
    let d = day;
    while (d.weekday === 0 || d.weekday === 6 || this.city.holidays.has(d.date)) d = nextDay(d);
    return this.at(d, 16 * 60);
  }

  private task(
    r: Random,
    dept: HistoryDepartment,
    template: ProactiveTemplate,
    due: Date,
    devices: number,
    copy: number,
  ): HistoricalTicket {
    const queue = this.city.queues[template.queue];
    const assigneeId = r.pick(queue.memberIds);
    const lead = template.cadence === 'weekly' ? 3 : 7;
    const minutes = roundTo5(clamp(r.logNormal(template.minutes + (template.perDevice ?? 0) * devices, 0.3), 15, 720));
    const title =
      template.title.replace('{dept}', DEPARTMENT_WORDS[dept.code] ?? dept.code) +
      ` (due ${localDate(due, this.city.timeZone)})` +
      (copy > 0 ? ` – site ${copy + 1}` : '');
    return this.scheduled(r, dept, {
      title,
      categoryId: template.category ? this.city.categories[template.category] : null,
      queueId: queue.id,
      assigneeId,
      assetId: null,
      due,
      openedAt: new Date(due.getTime() - lead * DAY_MS - 10 * HOUR_MS),
      minutes,
      expenses: template.expenses ?? [],
    });
  }

  /**
   * A scheduled task's life: made a lead time before it is due, started a day or two before,
   * done by the due date, except, while a programme is young, the odd one a few days late.
   */
  private scheduled(
    r: Random,
    dept: HistoryDepartment,
    t: {
      title: string;
      categoryId: string | null;
      queueId: string;
      assigneeId: string;
      assetId: string | null;
      due: Date;
      openedAt: Date;
      minutes: number;
      expenses: readonly ExpenseChance[];
      description?: string;
    },
  ): HistoricalTicket {
    const ramp = proactiveRamp(dept.code, t.due, this.options.now);
    const late = r.chance(0.06 + 0.2 * (1 - ramp));
    const startedAt = new Date(Math.max(t.openedAt.getTime() + HOUR_MS, t.due.getTime() - r.between(4, 60) * HOUR_MS));
    let resolvedAt = late
      ? new Date(t.due.getTime() + r.between(1, 5) * DAY_MS)
      : new Date(Math.min(t.due.getTime() - 10 * MINUTE_MS, startedAt.getTime() + t.minutes * MINUTE_MS * r.between(1.1, 2)));
    let firstResponseAt = startedAt;
    if (resolvedAt > this.limit) {
      resolvedAt = new Date(Math.max(t.openedAt.getTime() + 2 * HOUR_MS, this.limit.getTime() - r.between(0, 12) * HOUR_MS));
      if (firstResponseAt > resolvedAt) firstResponseAt = new Date(t.openedAt.getTime() + HOUR_MS);
    }
    const closedAt = new Date(resolvedAt.getTime() + this.city.autoCloseDays * DAY_MS + r.between(0.5, 6) * HOUR_MS);
    const life: Milestones = {
      firstResponseAt,
      pauses: [],
      reopened: [],
      resolvedAt,
      closedAt: closedAt <= this.limit ? closedAt : null,
      canceled: false,
    };
    const impact: Impact = 'several_people';
    const urgency: Urgency = 'can_wait';
    return {
      kind: 'maintenance',
      workClass: 'proactive',
      title: t.title,
      description: t.description ?? 'Preventive task: work the checklist and record the result.',
      impact,
      urgency,
      priority: computePriority(impact, urgency, dept.lifeSafety),
      departmentId: dept.id,
      queueId: t.queueId,
      categoryId: t.categoryId,
      assetId: t.assetId,
      requesterId: this.city.plannerId,
      createdById: this.city.plannerId,
      assigneeId: t.assigneeId,
      workerId: t.assigneeId,
      source: 'schedule',
      maintenanceDueAt: t.due,
      openedAt: t.openedAt,
      ...life,
      workLogs: this.workLogs(r, 'maintenance', t.minutes, t.assigneeId, life),
      expenses: this.expenses(r, t.expenses, life, t.assigneeId, 1).map((e) => ({ ...e, assetId: t.assetId })),
    };
  }

  /** A replacement for each device the programmes refreshed, set up on the day it was bought. */
  private refreshes(): HistoricalTicket[] {
    const r = this.random.proactive;
    const byCode = new Map(this.city.departments.map((d) => [d.code, d]));
    return this.city.assets.flatMap((asset) => {
      const dept = byCode.get(asset.departmentCode);
      if (!asset.refreshed || !dept) return [];
      const due = this.workingDay(parseDay(asset.purchaseDate));
      const queue = this.city.queues[PUBLIC_SAFETY_TYPES.has(asset.type) ? 'Public Safety Systems' : 'Field Services'];
      return [
        this.scheduled(r, dept, {
          title: `Replace ${asset.tag} ${asset.name} at end of life`,
          description: 'Hardware refresh: set up the new device, move the user’s data, wipe and retire the old one.',
          categoryId: this.city.categories.Hardware,
          queueId: queue.id,
          assigneeId: r.pick(queue.memberIds),
          assetId: asset.id,
          due,
          openedAt: new Date(due.getTime() - 14 * DAY_MS),
          minutes: roundTo5(r.between(90, 180)),
          expenses: [PARTS_ACCESSORIES],
        }),
      ];
    });
  }

  /** The lemons' repairs: four to six over their life, together past half of a new one's price. */
  private lemonRepairs(): HistoricalTicket[] {
    const r = this.random.lemons;
    const byCode = new Map(this.city.departments.map((d) => [d.code, d]));
    return this.city.assets.flatMap((asset) => {
      const dept = byCode.get(asset.departmentCode);
      if (!asset.lemon || !dept || dept.employeeIds.length === 0) return [];
      const from = Math.max(Date.parse(asset.purchaseDate) + 60 * DAY_MS, this.start.getTime());
      const until = this.options.end.getTime() - 5 * DAY_MS;
      if (from >= until) return [];
      const repairs = r.int(4, 6);
      const shares = Array.from({ length: repairs }, () => r.between(0.5, 1.5));
      const total = shares.reduce((a, b) => a + b, 0);
      const budget = asset.costCents * r.between(0.6, 0.9);
      const category: CategoryName = PUBLIC_SAFETY_TYPES.has(asset.type) ? 'Public safety systems' : 'Hardware';
      const [impact, urgency]: [Impact, Urgency] = ['several_people', 'work_stopped'];
      return shares.map((share): HistoricalTicket => {
        const openedAt = this.at(this.dayOf(new Date(r.between(from, until))), 9 * 60 + r.int(0, 420));
        const { priority, queueId, categoryId, assigneeId, requesterId, targets } = this.route(
          r,
          dept,
          'incident',
          category,
          impact,
          urgency,
        );
        const life = this.milestones(r, openedAt, targets, 1, { cancel: 0, reopen: 0.2, vendor: 0.5, requester: 0 });
        const minutes = roundTo5(r.between(60, 150));
        return {
          kind: 'incident',
          title: `${asset.name} ${asset.tag} failed again`,
          description: `The ${asset.name} (${asset.tag}) is down again; it has been repaired before.`,
          impact,
          urgency,
          priority,
          departmentId: dept.id,
          queueId,
          categoryId,
          assetId: asset.id,
          requesterId,
          createdById: requesterId,
          assigneeId,
          workerId: assigneeId,
          source: 'web',
          openedAt,
          ...life,
          workLogs: this.workLogs(r, 'incident', minutes, assigneeId, life),
          expenses: [
            {
              type: r.chance(0.5) ? 'vendor' : 'parts',
              amountCents: Math.round((budget * share) / total),
              vendor: VENDOR_OF[asset.type] ?? 'CDW-G',
              spentOn: localDate(life.resolvedAt!, this.city.timeZone),
              description: 'Out-of-warranty repair',
              assetId: asset.id,
              userId: assigneeId,
            },
          ],
        };
      });
    });
  }

  /** The city's calendar day of an instant. */
  private dayOf(at: Date): CivilDay {
    return parseDay(localDate(at, this.city.timeZone));
  }

  /** A local wall-clock time of a day in the city, as an instant. */
  private at(day: CivilDay, minuteOfDay: number): Date {
    return new Date(
      TZDate.tz(this.city.timeZone, day.year, day.month - 1, day.day, Math.floor(minuteOfDay / 60), minuteOfDay % 60).getTime(),
    );
  }
}

const parseDay = (date: string): CivilDay => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return civilDay(y, m, d);
};
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
const roundTo5 = (x: number) => Math.max(5, Math.round(x / 5) * 5);

/** A calendar for tickets no policy times (none in the demo: its fallback policy matches all). */
const OFFICE: Calendar = {
  timeZone: 'UTC',
  windows: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1 | 2 | 3 | 4 | 5, start: '08:00', end: '17:00' })),
  holidays: [],
};

/** For a category a department has no template of its own for. */
const GENERIC: IncidentTemplate = INCIDENTS.find((t) => t.category === 'Software' && !t.departments)!;

const PUBLIC_SAFETY_TYPES: ReadonlySet<AssetType> = new Set(['mobile_data_terminal', 'radio', 'camera']);

const PARTS_ACCESSORIES: ExpenseChance = {
  type: 'parts',
  chance: 0.3,
  vendor: 'CDW-G',
  description: 'Cables, dock and accessories for the new device',
  low: 40,
  high: 150,
};

const VENDOR_OF: Partial<Record<AssetType, string>> = {
  printer: 'Xerox Services',
  server: 'Dell ProSupport',
  mobile_data_terminal: 'Panasonic',
  radio: 'Motorola Solutions',
  laptop: 'Dell Services',
  desktop: 'Dell Services',
  ups: 'APC',
  network_switch: 'Cisco',
};

const DEPARTMENT_WORDS: Record<string, string> = {
  CH: 'City Hall',
  FIN: 'Finance',
  PD: 'Police',
  FD: 'Fire',
  PW: 'Public Works',
  PARKS: 'Parks & Recreation',
  LIB: 'Library',
  UTIL: 'Utilities',
  IT: 'IT',
  HR: 'Human Resources',
  PLAN: 'Planning & Building',
  COURT: 'Municipal Court',
};

const PLACES = ['the front counter', 'the back office', 'a field crew', 'the conference room', 'a shared desk', 'the break room'];
