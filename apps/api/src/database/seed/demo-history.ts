import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../common/time/clock.js';
import { DEFAULT_SETTINGS } from '../../modules/settings/dto/settings.dto.js';
import { SlaPoliciesService } from '../../modules/sla-policies/sla-policies.service.js';
import { HISTORY_BATCH, TicketHistoryWriter, type HistoricalTicket } from '../../modules/ticket-history/ticket-history.writer.js';
import { loadCalendars } from '../../modules/ticket-sla/calendar-source.js';
import { TicketSlaService } from '../../modules/ticket-sla/ticket-sla.service.js';
import { CATEGORY_NAMES, QUEUE_NAMES, type CategoryName, type QueueName } from './history/catalog.js';
import { historyByMonth, type HistoryAsset, type HistoryCity } from './history/history-generator.js';
import type { Schedule } from './history/seasonality.js';

const HOUR_MS = 60 * 60 * 1000;

export interface DemoHistoryOptions {
  years: number;
  scale: number;
  seed: number;
  /** Tickets are opened before this instant. */
  end: Date;
  /** The demo's maintenance plans make their own tasks from this instant on. */
  plansFrom: Date;
}

export interface DemoHistoryCity {
  /** Department code → how its people work. */
  schedules: ReadonlyMap<string, Schedule>;
  assets: readonly HistoryAsset[];
  /** Who set up the preventive work. */
  plannerId: string;
}

/**
 * The demo city's past, generated in memory (see generateHistory) and written through the
 * TicketHistoryWriter, so every ticket has the trail, the policy match, the stored SLA clock and
 * the costs at the rate of the day that the live rules would have given it. Runs inside the demo
 * city's transaction, after its people, desk, assets, calendars, policies and rates. Returns how
 * many tickets it wrote and how long it took.
 */
export async function seedDemoHistory(
  manager: EntityManager,
  dataSource: DataSource,
  clock: Clock,
  demo: DemoHistoryCity,
  options: DemoHistoryOptions,
): Promise<{ tickets: number; seconds: number }> {
  const started = performance.now();
  if (options.years <= 0) return { tickets: 0, seconds: 0 };
  const now = clock.now();
  const policies = new SlaPoliciesService(dataSource, clock);
  const city = await loadHistoryCity(manager, policies, demo, options);
  const writer = new TicketHistoryWriter(policies, new TicketSlaService(policies));
  // Generated a month at a time while the months before are written: the database and the
  // generator each keep a core busy.
  let created = 0;
  let writing: Promise<void> = Promise.resolve();
  let pending: HistoricalTicket[] = [];
  const flush = async () => {
    const tickets = pending;
    pending = [];
    await writing;
    writing = writer.write(manager, tickets, now).then((r) => void (created += r.created));
    writing.catch(() => undefined); // awaited below
  };
  const history = { now, years: options.years, scale: options.scale, seed: options.seed, end: options.end };
  try {
    for (const month of historyByMonth(city, history)) {
      pending.push(...month);
      if (pending.length >= WRITE_EVERY) await flush();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (pending.length > 0) await flush();
    await writing;
  } catch (error) {
    // Never leave a write in flight when the caller rolls back.
    await writing.catch(() => undefined);
    throw error;
  }
  return { tickets: created, seconds: (performance.now() - started) / 1000 };
}

/** Tickets handed to the writer at a time (a few of its batches). */
const WRITE_EVERY = 4 * HISTORY_BATCH;

/** The city as the generator needs it, read in a handful of statements. */
async function loadHistoryCity(
  manager: EntityManager,
  policies: SlaPoliciesService,
  demo: DemoHistoryCity,
  options: DemoHistoryOptions,
): Promise<HistoryCity> {
  const departments: { id: string; code: string; life_safety: boolean; calendar_id: string; employee_ids: string[] }[] =
    await manager.query(
      `SELECT d.id, d.code, d.life_safety,
              COALESCE(d.calendar_id, (SELECT id FROM calendars WHERE system_key = 'city_office_hours')) AS calendar_id,
              ARRAY(SELECT u.id FROM users u WHERE u.department_id = d.id AND u.role = 'requester' AND u.active ORDER BY u.email) AS employee_ids
         FROM departments d ORDER BY d.code`,
    );
  const queueRows: { name: string; id: string; member_ids: string[] }[] = await manager.query(
    `SELECT q.name, q.id, ARRAY(SELECT m.user_id FROM queue_members m JOIN users u ON u.id = m.user_id
                                 WHERE m.queue_id = q.id ORDER BY u.email) AS member_ids
       FROM queues q`,
  );
  const categoryRows: { name: string; id: string }[] = await manager.query(`SELECT name, id FROM categories`);
  const [{ max_rate: maxRate }] = await manager.query(`SELECT max(hourly_rate_cents)::int AS max_rate FROM labor_rates`);
  const [{ id: cityCalendarId }] = await manager.query(`SELECT id FROM calendars WHERE system_key = 'city_office_hours'`);
  const calendarIds: { id: string }[] = await manager.query(`SELECT id FROM calendars`);
  const calendars = await loadCalendars(
    manager,
    calendarIds.map((c) => c.id),
  );
  const officeHours = calendars.get(cityCalendarId)!;

  const queues = Object.fromEntries(
    QUEUE_NAMES.map((name) => {
      const row = queueRows.find((q) => q.name === name);
      if (!row || row.member_ids.length === 0) throw new Error(`the demo history needs the ${name} queue with members`);
      return [name, { id: row.id, memberIds: row.member_ids }];
    }),
  ) as Record<QueueName, { id: string; memberIds: string[] }>;
  const categories = Object.fromEntries(
    CATEGORY_NAMES.map((name) => {
      const row = categoryRows.find((c) => c.name === name);
      if (!row) throw new Error(`the demo history needs the ${name} category`);
      return [name, row.id];
    }),
  ) as Record<CategoryName, string>;

  const match = await policies.matcher(manager);
  const calendarOfDepartment = new Map(departments.map((d) => [d.id, d.calendar_id]));
  return {
    timeZone: officeHours.timeZone,
    fiscalYearStartMonth: DEFAULT_SETTINGS.fiscalYearStartMonth,
    autoCloseDays: DEFAULT_SETTINGS.autoCloseResolvedAfterDays,
    departments: departments.map((d) => ({
      id: d.id,
      code: d.code,
      lifeSafety: d.life_safety,
      schedule: demo.schedules.get(d.code) ?? 'office',
      employeeIds: d.employee_ids,
    })),
    queues,
    categories,
    assets: demo.assets,
    plannerId: demo.plannerId,
    holidays: new Set(officeHours.holidays.filter((h) => !h.yearly).map((h) => h.date)),
    targets: (facts) => {
      const policy = match(facts);
      if (!policy) return null;
      const calendarId = policy.calendarId ?? calendarOfDepartment.get(facts.departmentId)!;
      return {
        firstResponseMinutes: policy.policy.firstResponseMinutes,
        resolutionMinutes: policy.policy.resolutionMinutes,
        calendar: calendars.get(calendarId)!,
      };
    },
    plansFrom: options.plansFrom,
    maxRateCents: maxRate ?? 10_000,
  };
}

/** History ends this long before the oldest of the demo's current tickets was filed. */
export const HISTORY_GAP_MS = 12 * HOUR_MS;
