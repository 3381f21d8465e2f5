import { Identity1764090000000 } from './1764090000000-Identity.js';
import { Tickets1764200000000 } from './1764200000000-Tickets.js';
import { JobsAndSettings1764300000000 } from './1764300000000-JobsAndSettings.js';
import { Calendars1764400000000 } from './1764400000000-Calendars.js';
import { SlaPolicies1764500000000 } from './1764500000000-SlaPolicies.js';
import { Notifications1764600000000 } from './1764600000000-Notifications.js';
import { TicketSla1764700000000 } from './1764700000000-TicketSla.js';
import { Maintenance1764800000000 } from './1764800000000-Maintenance.js';
import { Costs1764900000000 } from './1764900000000-Costs.js';
import { TicketHistory1764950000000 } from './1764950000000-TicketHistory.js';
import { Imports1765100000000 } from './1765100000000-Imports.js';
import { Reports1765000000000 } from './1765000000000-Reports.js';
import { AuditLog1765200000000 } from './1765200000000-AuditLog.js';
import { OpenTicketCounts1765400000000 } from './1765400000000-OpenTicketCounts.js';
import { ReportRollups1765500000000 } from './1765500000000-ReportRollups.js';
import { ReportScans1765600000000 } from './1765600000000-ReportScans.js';
import { AssetRepairSpend1765700000000 } from './1765700000000-AssetRepairSpend.js';
import { ResponseTimesCache1765800000000 } from './1765800000000-ResponseTimesCache.js';

/** Applied in order. Never edit a migration once it is on main: add a new one. */
export const MIGRATIONS = [
  Identity1764090000000,
  Tickets1764200000000,
  JobsAndSettings1764300000000,
  Calendars1764400000000,
  SlaPolicies1764500000000,
  Notifications1764600000000,
  TicketSla1764700000000,
  Maintenance1764800000000,
  Costs1764900000000,
  TicketHistory1764950000000,
  Reports1765000000000,
  Imports1765100000000,
  AuditLog1765200000000,
  OpenTicketCounts1765400000000,
  ReportRollups1765500000000,
  ReportScans1765600000000,
  AssetRepairSpend1765700000000,
  ResponseTimesCache1765800000000,
];
