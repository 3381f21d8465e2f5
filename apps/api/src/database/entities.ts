import { Asset } from '../modules/assets/asset.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { LoginAttempt } from '../modules/auth/login-attempt.entity.js';
import { CalendarHoliday } from '../modules/calendars/calendar-holiday.entity.js';
import { Calendar } from '../modules/calendars/calendar.entity.js';
import { Category } from '../modules/categories/category.entity.js';
import { Department } from '../modules/departments/department.entity.js';
import { JobRun } from '../modules/jobs/job-run.entity.js';
import { CalendarFeed } from '../modules/maintenance/calendar-feed.entity.js';
import { MaintenanceOccurrence } from '../modules/maintenance/maintenance-occurrence.entity.js';
import { MaintenancePlan } from '../modules/maintenance/maintenance-plan.entity.js';
import { EmailOutbox } from '../modules/notifications/email-outbox.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { SlaPolicyVersion } from '../modules/sla-policies/sla-policy-version.entity.js';
import { SlaPolicy } from '../modules/sla-policies/sla-policy.entity.js';
import { Setting } from '../modules/settings/setting.entity.js';
import { QueueMember } from '../modules/queues/queue-member.entity.js';
import { Queue } from '../modules/queues/queue.entity.js';
import { Session } from '../modules/sessions/session.entity.js';
import { SlaEscalation } from '../modules/ticket-sla/sla-escalation.entity.js';
import { TicketComment } from '../modules/tickets/ticket-comment.entity.js';
import { TicketEvent } from '../modules/tickets/ticket-event.entity.js';
import { Ticket } from '../modules/tickets/ticket.entity.js';
import { User } from '../modules/users/user.entity.js';
import { AssetEvent } from '../modules/assets/asset-event.entity.js';
import { LaborRate } from '../modules/costs/labor-rate.entity.js';
import { TicketExpense } from '../modules/costs/ticket-expense.entity.js';
import { TicketWorkLog } from '../modules/costs/ticket-work-log.entity.js';
import { ImportFileChunk } from '../modules/imports/import-file-chunk.entity.js';
import { ImportFile } from '../modules/imports/import-file.entity.js';
import { ImportRunError } from '../modules/imports/import-run-error.entity.js';
import { ImportRun } from '../modules/imports/import-run.entity.js';
import { ImportedTicket } from '../modules/imports/imported-ticket.entity.js';

/** Every entity of the data source; one list so the app, tests and CLI agree. */
export const ENTITIES = [
  Department,
  User,
  Session,
  LoginAttempt,
  Queue,
  QueueMember,
  Category,
  Asset,
  Ticket,
  TicketComment,
  TicketEvent,
  JobRun,
  Setting,
  Calendar,
  CalendarHoliday,
  SlaPolicy,
  SlaPolicyVersion,
  Notification,
  EmailOutbox,
  SlaEscalation,
  MaintenancePlan,
  MaintenanceOccurrence,
  CalendarFeed,
  LaborRate,
  TicketWorkLog,
  TicketExpense,
  AssetEvent,
  ImportFile,
  ImportFileChunk,
  ImportRun,
  ImportRunError,
  ImportedTicket,
  AuditEntry,
];
