import { describe, expect, it } from '@jest/globals';
import { businessMinutesBetween, calendar24x7, type Calendar } from '@civicdesk/sla';
import { localDate } from '../../../modules/maintenance/domain/plan-schedule.js';
import type { HistoricalTicket } from '../../../modules/ticket-history/ticket-history.writer.js';
import { historyTrail } from '../../../modules/ticket-history/domain/history-trail.js';
import type { Priority } from '../../../modules/tickets/domain/ticket-vocabulary.js';
import { CATEGORY_NAMES, QUEUE_NAMES, type CategoryName, type QueueName } from './catalog.js';
import { planFleet, type FleetGroup } from './fleet.js';
import { generateHistory, type HistoryCity } from './history-generator.js';
import { Random } from './random.js';

const NOW = new Date('2026-11-20T15:00:00Z');
const END = new Date(NOW.getTime() - 9 * 24 * 60 * 60 * 1000);
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
const TZ = 'America/New_York';
const HOLIDAYS = ['2024-07-04', '2024-12-25', '2025-01-01', '2025-07-04', '2025-12-25', '2026-01-01', '2026-07-03'];
const OFFICE: Calendar = {
  timeZone: TZ,
  windows: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: '08:00', end: '17:00' })),
  holidays: HOLIDAYS.map((date) => ({ date, name: 'Holiday' })),
};
const ALL_DAY = calendar24x7(TZ);
const TARGETS: Record<Priority, [number, number]> = { P1: [30, 240], P2: [60, 540], P3: [240, 1620], P4: [540, 2700] };
const FLEET: Record<string, FleetGroup[]> = {
  PD: [
    ['mobile_data_terminal', 24, 'Panasonic Toughbook 40', 4200],
    ['radio', 12, 'Motorola APX 6000', 5200],
  ],
  FIN: [
    ['desktop', 14, 'Dell OptiPlex 7010', 980],
    ['printer', 3, 'HP LaserJet M611', 1250],
  ],
  IT: [
    ['server', 10, 'Dell PowerEdge R750', 11200],
    ['network_switch', 16, 'Cisco Catalyst 9300', 6400],
  ],
  PARKS: [
    ['laptop', 6, 'Dell Latitude 5440', 1300],
    ['mobile_phone', 8, 'iPhone 15', 830],
  ],
};
const DEPARTMENTS = [
  { code: 'PD', lifeSafety: true, schedule: 'around_the_clock', employees: 30 },
  { code: 'FIN', lifeSafety: false, schedule: 'office', employees: 20 },
  { code: 'IT', lifeSafety: false, schedule: 'office', employees: 5 },
  { code: 'PARKS', lifeSafety: false, schedule: 'office', employees: 15 },
] as const;

const city: HistoryCity = {
  timeZone: TZ,
  fiscalYearStartMonth: 7,
  autoCloseDays: 5,
  departments: DEPARTMENTS.map((d) => ({
    id: `dept-${d.code}`,
    code: d.code,
    lifeSafety: d.lifeSafety,
    schedule: d.schedule,
    employeeIds: Array.from({ length: d.employees }, (_, i) => `${d.code}-employee-${i}`),
  })),
  queues: Object.fromEntries(
    QUEUE_NAMES.map((q) => [q, { id: `queue-${q}`, memberIds: [`${q}-tech-1`, `${q}-tech-2`] }]),
  ) as Record<QueueName, { id: string; memberIds: string[] }>,
  categories: Object.fromEntries(CATEGORY_NAMES.map((c) => [c, `category-${c}`])) as Record<CategoryName, string>,
  assets: planFleet(Random.seeded(2), NOW, FLEET).map((a) => ({
    ...a,
    id: `asset-${a.departmentCode}-${a.type}-${a.index}`,
    tag: `${a.departmentCode}-${a.type}-${a.index}`,
  })),
  plannerId: 'admin',
  holidays: new Set(HOLIDAYS),
  targets: ({ priority, departmentId }) => ({
    firstResponseMinutes: TARGETS[priority][0],
    resolutionMinutes: TARGETS[priority][1],
    calendar: departmentId === 'dept-PD' ? ALL_DAY : OFFICE,
  }),
  plansFrom: new Date(NOW.getTime() - 90 * 24 * 60 * 60 * 1000),
  maxRateCents: 7_500,
};

const generate = () => generateHistory(city, { now: NOW, years: 3, scale: 0.6, seed: 311, end: END });
const tickets = generate();

/** Year 1, 2 or 3 of the history, by when the ticket was opened. */
const yearOf = (t: HistoricalTicket) => 3 - Math.floor((NOW.getTime() - t.openedAt.getTime()) / YEAR_MS);
const inYear = (year: number, list: readonly HistoricalTicket[] = tickets) => list.filter((t) => yearOf(t) === year);
const minutes = (t: HistoricalTicket) => (t.workLogs ?? []).reduce((sum, l) => sum + l.minutes, 0);
const expenseCents = (t: HistoricalTicket) => (t.expenses ?? []).reduce((sum, e) => sum + e.amountCents, 0);
/** Spend at a flat $60 an hour (the generator does not know the rates; the writer prices them). */
const spend = (list: readonly HistoricalTicket[]) => list.reduce((sum, t) => sum + minutes(t) * 100 + expenseCents(t), 0);
const ofDepartment = (code: string, list: readonly HistoricalTicket[] = tickets) =>
  list.filter((t) => t.departmentId === `dept-${code}`);
const incidents = (list: readonly HistoricalTicket[] = tickets) => list.filter((t) => t.kind === 'incident');
const proactive = (list: readonly HistoricalTicket[] = tickets) => list.filter((t) => t.kind === 'maintenance');

describe(generateHistory.name, () => {
  it('is the same history for the same city and seed, in the order tickets were opened', () => {
    expect(JSON.stringify(generate())).toBe(JSON.stringify(tickets));
    expect(tickets.length).toBeGreaterThan(5_000);
    const opened = tickets.map((t) => t.openedAt.getTime());
    expect(opened).toEqual([...opened].sort((a, b) => a - b));
    expect(opened[0]).toBeGreaterThanOrEqual(END.getTime() - 3 * YEAR_MS);
    expect(opened[opened.length - 1]).toBeLessThan(END.getTime());
  });

  it('tells a past the live rules accept, every ticket finished before now', () => {
    const today = localDate(NOW, TZ);
    const wrong = tickets.flatMap((t) => {
      const trail = historyTrail(t);
      const opened = localDate(t.openedAt, TZ);
      return [
        !['resolved', 'closed', 'canceled'].includes(trail.status) && `${t.title}: ${trail.status}`,
        trail.lastAt > NOW && `${t.title}: last milestone after now`,
        (t.workLogs ?? []).some((l) => l.workDate < opened || l.workDate > today) && `${t.title}: work logged outside its life`,
        t.resolvedAt && minutes(t) === 0 && `${t.title}: resolved without work logged`,
      ].filter(Boolean);
    });
    expect(wrong).toEqual([]);
    const share = (f: (t: HistoricalTicket) => boolean) => tickets.filter(f).length / tickets.length;
    expect(share((t) => (t.pauses ?? []).length > 0)).toBeGreaterThan(0.05);
    expect(share((t) => (t.reopened ?? []).length > 0)).toBeGreaterThan(0.005);
    expect(share((t) => t.canceled === true)).toBeGreaterThan(0.005);
    expect(share((t) => t.canceled === true)).toBeLessThan(0.05);
    expect(new Set(tickets.map((t) => t.priority))).toEqual(new Set(['P1', 'P2', 'P3', 'P4']));
    expect(share((t) => t.priority === 'P1')).toBeLessThan(0.1);
  });

  it('files most on Mondays and Tuesdays, little on office weekends', () => {
    const office = incidents().filter((t) => t.departmentId !== 'dept-PD');
    const weekday = (t: HistoricalTicket) => new Date(`${localDate(t.openedAt, TZ)}T12:00:00Z`).getUTCDay();
    const on = (days: number[]) => office.filter((t) => days.includes(weekday(t))).length;
    expect(on([1, 2])).toBeGreaterThan(1.2 * on([4, 5]));
    expect(on([0, 6]) / office.length).toBeLessThan(0.05);
  });

  it('has reactive incidents and their cost fall after prevention ramps up, for the city and most departments', () => {
    expect(incidents(inYear(3)).length).toBeLessThan(0.85 * incidents(inYear(1)).length);
    expect(spend(incidents(inYear(3)))).toBeLessThan(0.85 * spend(incidents(inYear(1))));
    const better = DEPARTMENTS.filter(
      ({ code }) =>
        incidents(ofDepartment(code, inYear(3))).length < incidents(ofDepartment(code, inYear(1))).length &&
        spend(incidents(ofDepartment(code, inYear(3)))) < spend(incidents(ofDepartment(code, inYear(1)))),
    );
    expect(better.length).toBeGreaterThanOrEqual(3);
  });

  it('ramps proactive work up in year two: only the data center’s routine in year one, a larger share of spend in year three', () => {
    expect(new Set(proactive(inYear(1)).map((t) => t.departmentId))).toEqual(new Set(['dept-IT']));
    expect(proactive(ofDepartment('FIN', inYear(3))).length).toBeGreaterThan(30);
    const share = (year: number) => spend(proactive(inYear(year))) / spend(inYear(year));
    expect(share(1)).toBeLessThan(0.05);
    expect(share(3)).toBeGreaterThan(0.15);
    for (const t of proactive()) {
      expect(t).toMatchObject({ workClass: 'proactive', source: 'schedule', requesterId: 'admin' });
      expect(t.maintenanceDueAt).toBeInstanceOf(Date);
    }
    const late = (list: readonly HistoricalTicket[]) =>
      list.filter((t) => t.resolvedAt! > t.maintenanceDueAt!).length / list.length;
    expect(late(proactive())).toBeLessThan(0.2);
  });

  it('answers and fixes within target more often once prevention has taken the pressure off', () => {
    const breached = (list: readonly HistoricalTicket[]) => {
      const answered = incidents(list).filter((t) => t.firstResponseAt);
      const late = answered.filter((t) => {
        const target = TARGETS[t.priority][0];
        const calendar = t.departmentId === 'dept-PD' ? ALL_DAY : OFFICE;
        return businessMinutesBetween(t.openedAt, t.firstResponseAt!, calendar) > target;
      });
      return late.length / answered.length;
    };
    expect(breached(inYear(1))).toBeGreaterThan(0.08);
    expect(breached(inYear(3))).toBeLessThan(0.75 * breached(inYear(1)));
  });

  it('costs parts, vendors, contracts and software, tying repairs to devices in use, and lets a few lemons cost more than half a new one', () => {
    const expenses = tickets.flatMap((t) => (t.expenses ?? []).map((e) => ({ t, e })));
    expect(new Set(expenses.map(({ e }) => e.type))).toEqual(new Set(['parts', 'vendor', 'contract', 'software']));
    const assets = new Map(city.assets.map((a) => [a.id, a]));
    const linked = incidents().filter((t) => t.assetId);
    expect(linked.length).toBeGreaterThan(200);
    for (const t of linked) expect(assets.get(t.assetId!)!.purchaseDate <= localDate(t.openedAt, TZ)).toBe(true);
    const repairs = new Map<string, number>();
    for (const { t, e } of expenses) {
      if (e.assetId && t.kind === 'incident') repairs.set(e.assetId, (repairs.get(e.assetId) ?? 0) + e.amountCents);
    }
    const overHalf = [...repairs].filter(([id, cents]) => cents > assets.get(id)!.costCents / 2).map(([id]) => id);
    expect(overHalf.length).toBeGreaterThanOrEqual(2);
    expect(overHalf.every((id) => assets.get(id)!.lemon)).toBe(true);
    // A refreshed device was set up by a proactive ticket the day it was bought.
    const refresh = proactive().filter((t) => t.title.startsWith('Replace '));
    expect(refresh.length).toBeGreaterThan(0);
    for (const t of refresh) expect(localDate(t.maintenanceDueAt!, TZ) >= assets.get(t.assetId!)!.purchaseDate).toBe(true);
  });
});
