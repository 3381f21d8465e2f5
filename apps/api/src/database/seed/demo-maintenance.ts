import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../common/time/clock.js';
import type { AssetType } from '../../modules/assets/domain/asset-vocabulary.js';
import type { FanOut, MaintenanceMode } from '../../modules/maintenance/domain/maintenance-vocabulary.js';
import { addWorkLog } from '../../modules/costs/cost-writes.js';
import { localDate } from '../../modules/maintenance/domain/plan-schedule.js';
import { MaintenanceGenerator } from '../../modules/maintenance/maintenance-generator.service.js';
import { SlaPoliciesService } from '../../modules/sla-policies/sla-policies.service.js';
import { appendTicketEvents } from '../../modules/tickets/ticket-events.js';
import type { TicketNotifier } from '../../modules/tickets/ticket-notifier.js';
import { TicketSlaService } from '../../modules/ticket-sla/ticket-sla.service.js';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
/** How far back the demo city's plans have been running. */
export const HISTORY_DAYS = 90;

interface DemoPlan {
  name: string;
  title: string;
  checklist: string[];
  queue: string;
  department: string;
  assignee?: string;
  estimatedMinutes: number;
  rule: string;
  startsOn: string;
  leadDays: number;
  mode?: MaintenanceMode;
  intervalDays?: number;
  fanOut?: FanOut;
  assetType?: AssetType;
  assetDepartment?: string;
}

const PLANS: DemoPlan[] = [
  {
    name: 'Monthly server patching',
    title: 'Patch {{asset_tag}} {{asset}} (due {{due_date}})',
    checklist: ['Snapshot the VM or confirm last night’s backup', 'Apply the month’s OS updates', 'Reboot and check services'],
    queue: 'Network',
    department: 'IT',
    assignee: 'tech@civicdesk.test',
    estimatedMinutes: 45,
    rule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
    startsOn: '2024-01-01',
    leadDays: 5,
    fanOut: 'asset_type',
    assetType: 'server',
    assetDepartment: 'IT',
  },
  {
    name: 'Quarterly backup restore test',
    title: 'Backup restore test for {{due_date}}',
    checklist: ['Restore a file share folder to a scratch location', 'Restore one database', 'Record the time to restore'],
    queue: 'Network',
    department: 'IT',
    assignee: 'tech2@civicdesk.test',
    estimatedMinutes: 180,
    rule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
    startsOn: '2024-01-01',
    leadDays: 10,
  },
  {
    name: 'Yearly ISP and telecom contract review',
    title: 'Review ISP and telecom contracts ({{due_date}})',
    checklist: ['Compare bills with contracted rates', 'Check renewal and notice dates', 'Report savings to the CIO'],
    queue: 'Network',
    department: 'IT',
    estimatedMinutes: 240,
    rule: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1',
    startsOn: '2024-03-01',
    leadDays: 30,
  },
  {
    name: 'Annual security awareness training',
    title: 'Run the annual security awareness training',
    checklist: ['Enroll every employee', 'Send reminders after two weeks', 'Report completion by department'],
    queue: 'Security',
    department: 'IT',
    estimatedMinutes: 480,
    rule: 'FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1',
    startsOn: '2024-10-01',
    leadDays: 30,
  },
  {
    name: 'Firmware updates of network gear',
    title: 'Update firmware on {{asset_tag}} {{asset}}',
    checklist: ['Read the release notes', 'Update in the maintenance window', 'Confirm uplinks and VLANs'],
    queue: 'Network',
    department: 'IT',
    assignee: 'tech2@civicdesk.test',
    estimatedMinutes: 30,
    rule: 'FREQ=DAILY',
    startsOn: '2026-01-12',
    leadDays: 3,
    mode: 'after_completion',
    intervalDays: 90,
    fanOut: 'asset_type',
    assetType: 'network_switch',
    assetDepartment: 'IT',
  },
  {
    name: 'UPS battery checks',
    title: 'Check UPS battery of {{asset_tag}}',
    checklist: ['Run the self-test', 'Record runtime and battery age', 'Order a battery if under 10 minutes'],
    queue: 'Field Services',
    department: 'IT',
    assignee: 'tech@civicdesk.test',
    estimatedMinutes: 20,
    rule: 'FREQ=MONTHLY;INTERVAL=6',
    startsOn: '2024-01-15',
    leadDays: 7,
    fanOut: 'asset_type',
    assetType: 'ups',
    assetDepartment: 'IT',
  },
  {
    // Weekly, and made ten days ahead: Taylor always has a walk-through or two waiting.
    name: 'Weekly server room walk-through',
    title: 'Server room walk-through, week of {{due_date}}',
    checklist: ['Read temperature and humidity', 'Check UPS load and alarms', 'Look over the fire suppression panel'],
    queue: 'Field Services',
    department: 'IT',
    assignee: 'tech@civicdesk.test',
    estimatedMinutes: 30,
    rule: 'FREQ=WEEKLY;BYDAY=MO',
    startsOn: '2024-01-01',
    leadDays: 10,
  },
  {
    name: 'Police in-car computer checks',
    title: 'Monthly check of in-car computers (due {{due_date}})',
    checklist: ['Boot every Toughbook in the fleet', 'Check the CAD client and VPN', 'Swap units that fail'],
    queue: 'Public Safety Systems',
    department: 'PD',
    assignee: 'tech2@civicdesk.test',
    estimatedMinutes: 240,
    rule: 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1',
    startsOn: '2024-01-01',
    leadDays: 7,
  },
  {
    name: 'Finance laptop refresh',
    title: 'Replace {{asset_tag}} {{asset}}',
    checklist: ['Order the replacement', 'Migrate the user’s data', 'Wipe and retire the old laptop'],
    queue: 'Field Services',
    department: 'FIN',
    estimatedMinutes: 120,
    rule: 'FREQ=DAILY',
    startsOn: '2024-01-01',
    leadDays: 90,
    mode: 'replacement',
    fanOut: 'asset_type',
    assetType: 'laptop',
    assetDepartment: 'FIN',
  },
];

/** The demo city's preventive maintenance plans, running for the last HISTORY_DAYS days. */
export async function seedDemoMaintenancePlans(
  manager: EntityManager,
  now: Date,
  ids: { departments: Map<string, string>; users: Map<string, string>; adminId: string; timeZone: string },
): Promise<void> {
  const queues = new Map<string, string>();
  for (const row of await manager.query(`SELECT id, name FROM queues`)) queues.set(row.name, row.id);
  const since = new Date(now.getTime() - HISTORY_DAYS * DAY);
  for (const p of PLANS) {
    await manager.query(
      `INSERT INTO maintenance_plans (name, title_template, description_template, queue_id, assignee_id, department_id, estimated_minutes,
                                      rule, starts_on, time_zone, lead_days, mode, interval_days, fan_out, asset_type,
                                      asset_department_id, generate_from, created_by, created_at, updated_at, next_run_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $17, $17, $17)`,
      [
        p.name,
        p.title,
        p.checklist.map((step) => `- [ ] ${step}`).join('\n'),
        queues.get(p.queue),
        p.assignee ? ids.users.get(p.assignee) : null,
        ids.departments.get(p.department),
        p.estimatedMinutes,
        p.rule,
        p.startsOn,
        ids.timeZone,
        p.leadDays,
        p.mode ?? 'fixed',
        p.intervalDays ?? null,
        p.fanOut ?? 'none',
        p.assetType ?? null,
        p.assetDepartment ? ids.departments.get(p.assetDepartment) : null,
        since,
        ids.adminId,
      ],
    );
  }
}

/** History is not news: generating past occurrences notifies nobody. */
const SILENT: Pick<TicketNotifier, 'tell'> = { tell: () => Promise.resolve() };

/**
 * Replays the plans every other day over their history, as the generation job would have run, and has
 * the technicians complete each task, logging their time: most a couple of hours before it is due,
 * one in eight two days late. Tasks not yet due stay open. Runs after the demo city is committed.
 */
export async function generateDemoMaintenanceHistory(dataSource: DataSource, clock: Clock): Promise<void> {
  const now = clock.now();
  const sla = new TicketSlaService(new SlaPoliciesService(dataSource, clock));
  const generator = new MaintenanceGenerator(dataSource, sla, SILENT as TicketNotifier);
  const [{ tech }] = await dataSource.query(`SELECT id AS tech FROM users WHERE email = 'tech@civicdesk.test'`);
  // Every other day (shorter than any plan's lead time but one day, so tasks are created before they are due).
  for (let day = now.getTime() - HISTORY_DAYS * DAY; day < now.getTime() + 2 * DAY; day += 2 * DAY) {
    const at = new Date(Math.min(day, now.getTime()));
    await generator.run(at);
    await dataSource.transaction(async (manager) => {
      const open: {
        id: string;
        number: string;
        status: string;
        assignee_id: string | null;
        due: Date;
        created_at: Date;
        estimate: number | null;
        time_zone: string;
      }[] = await manager.query(
        `SELECT t.id, t.number, t.status, t.assignee_id, t.maintenance_due_at AS due, t.created_at,
                p.estimated_minutes AS estimate, p.time_zone
           FROM tickets t JOIN maintenance_plans p ON p.id = t.maintenance_plan_id
          WHERE t.status NOT IN ('resolved', 'closed', 'canceled') AND t.maintenance_due_at <= $1::timestamptz + interval '2 hours'`,
        [at],
      );
      for (const t of open) {
        const late = Number.parseInt(t.number.slice(-3), 10) % 8 === 0;
        const doneAt = new Date(new Date(t.due).getTime() + (late ? 2 * DAY : -2 * HOUR));
        if (doneAt > at) continue;
        const startedAt = new Date(Math.max(new Date(t.created_at).getTime(), doneAt.getTime() - HOUR));
        const actor = t.assignee_id ?? tech;
        await manager.query(
          `UPDATE tickets SET status = 'resolved', resolved_at = $2, first_response_at = COALESCE(first_response_at, $3),
                  assignee_id = COALESCE(assignee_id, $4), updated_at = $2, version = version + 1 WHERE id = $1`,
          [t.id, doneAt, startedAt, actor],
        );
        await appendTicketEvents(manager, t.id, actor, startedAt, [
          { type: 'status_changed', public: true, data: { from: t.status, to: 'in_progress' } },
        ]);
        await appendTicketEvents(manager, t.id, actor, doneAt, [
          { type: 'status_changed', public: true, data: { from: 'in_progress', to: 'resolved' } },
        ]);
        await sla.refresh(manager, t.id, at);
        // The time it took, costed at the technician's rate on the day: the proactive side of the spend.
        const minutes = Math.max(
          15,
          Math.round(((t.estimate ?? 60) * (80 + (Number.parseInt(t.number.slice(-2), 10) % 50))) / 100),
        );
        await addWorkLog(
          manager,
          t.id,
          { userId: actor, workDate: localDate(doneAt, t.time_zone), minutes, note: 'Done per the plan checklist.' },
          actor,
          doneAt,
        );
      }
    });
  }
}
