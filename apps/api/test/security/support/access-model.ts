/**
 * Who may do what in CivicDesk, written for the security suites from the product brief
 * (/work/shared/BRIEF.md), the README and the issues that specified each feature, and NOT from the
 * app's policy code: the suites compare the app with this model, so a shared mistake would hide.
 * Each rule says where it comes from. Where the spec leaves a choice, the comment says which
 * choice the model makes and why.
 */

export type Role = 'requester' | 'technician' | 'manager' | 'admin';
export type TicketStatus =
  'new' | 'assigned' | 'in_progress' | 'waiting_on_requester' | 'waiting_on_vendor' | 'resolved' | 'closed' | 'canceled';

export interface MUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
}

export interface MQueue {
  id: string;
  name: string;
  restricted: boolean;
  memberIds: Set<string>;
}

export interface MTicket {
  id: string;
  number: string;
  kind: 'incident' | 'service_request' | 'maintenance';
  requesterId: string;
  departmentId: string;
  queueId: string;
  assigneeId: string | null;
  categoryId: string | null;
  assetId: string | null;
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  status: TicketStatus;
  createdAt: Date;
  version: number;
  title: string;
}

export interface MComment {
  id: string;
  ticketId: string;
  authorId: string;
  internal: boolean;
}

export interface MCostEntry {
  id: string;
  ticketId: string;
  createdById: string;
  /** Work logs: minutes; expenses: cents. */
  amount: number;
  /** Work date or day spent, YYYY-MM-DD. */
  day: string;
}

export interface MAsset {
  id: string;
  departmentId: string;
}

export interface MNotification {
  id: string;
  userId: string;
  createdAt: Date;
  read: boolean;
}

export interface MImportRun {
  id: string;
  fileId: string;
}

export interface World {
  departments: { id: string; name: string }[];
  users: MUser[];
  queues: MQueue[];
  categories: { id: string }[];
  tickets: MTicket[];
  comments: MComment[];
  workLogs: MCostEntry[];
  expenses: MCostEntry[];
  assets: MAsset[];
  notifications: MNotification[];
  importRuns: MImportRun[];
  importFileIds: string[];
}

/** Brief, "People": technicians, managers and admins are IT staff; requesters are city employees. */
export function isStaff(user: MUser): boolean {
  return user.role !== 'requester';
}

export function queueOf(world: World, ticket: MTicket): MQueue {
  const queue = world.queues.find((q) => q.id === ticket.queueId);
  if (!queue) throw new Error(`model: ticket ${ticket.number} names an unknown queue`);
  return queue;
}

/**
 * Issue 3, access control: technicians see tickets in unrestricted queues plus restricted queues
 * they belong to; managers and admins see everything except restricted queues they do not belong
 * to (brief: "a queue may be restricted: only its members see its tickets").
 */
export function staffSeesQueue(user: MUser, queue: MQueue): boolean {
  return isStaff(user) && (!queue.restricted || queue.memberIds.has(user.id));
}

/**
 * Issue 3: "Requesters: their own tickets." The brief has every employee follow the tickets they
 * filed; staff are city employees too, so the model lets anyone see a ticket they requested,
 * even in a restricted queue they are not a member of (they still do not work it, below).
 */
export function seesTicket(world: World, user: MUser, ticket: MTicket): boolean {
  return ticket.requesterId === user.id || staffSeesQueue(user, queueOf(world, ticket));
}

/**
 * Working a ticket (staff fields, status, assignment, internal notes, time and money) is for
 * staff who see it as staff (issue 3: "only staff ... take, assign, change status, note"); being
 * its requester gives no staff powers on it.
 */
export function worksTicket(world: World, user: MUser, ticket: MTicket): boolean {
  return staffSeesQueue(user, queueOf(world, ticket));
}

/** Issue 3: "A requester sees only public comments"; internal notes are for the staff who work it. */
export function seesComment(world: World, user: MUser, comment: MComment): boolean {
  const ticket = ticketById(world, comment.ticketId);
  return seesTicket(world, user, ticket) && (!comment.internal || worksTicket(world, user, ticket));
}

/**
 * Issue 3: the requester edits the public facts of their own ticket (title, description); status,
 * priority, queue, assignee, requester, department, category and asset are staff fields. A closed
 * or canceled ticket is finished (brief: new → … → closed; canceled), so its requester no longer
 * edits it or replies to it: they file a new ticket.
 */
export const REQUESTER_EDITABLE_FIELDS = ['title', 'description'] as const;
export function isFinished(ticket: MTicket): boolean {
  return ticket.status === 'closed' || ticket.status === 'canceled';
}

/**
 * Issue 5: "Requesters never see costs"; work logs and expenses are staff facts of a ticket they
 * work. Once written, an entry is changed or deleted by its author or a manager (admins manage
 * everything: brief, "Admin").
 */
export function seesCosts(world: World, user: MUser, ticket: MTicket): boolean {
  return worksTicket(world, user, ticket);
}
export function changesCostEntry(user: MUser, entry: MCostEntry): boolean {
  return entry.createdById === user.id || user.role === 'manager' || user.role === 'admin';
}

/**
 * Issue 3: an employee picks "the affected device from their department's assets"; IT staff
 * manage every asset. An employee without a department has no department's assets to see.
 */
export function seesAsset(user: MUser, asset: MAsset): boolean {
  return isStaff(user) || (user.departmentId !== null && user.departmentId === asset.departmentId);
}

/** Brief: the bell shows the signed-in user's own notifications; nobody reads anyone else's. */
export function ownsNotification(user: MUser, notification: MNotification): boolean {
  return notification.userId === user.id;
}

/** Issue 2: users are admin-only CRUD ("a requester refused the user list"); everyone reads themself (/me). */
export function seesUser(viewer: MUser, user: MUser): boolean {
  return viewer.role === 'admin' || viewer.id === user.id;
}
export function listsUsers(viewer: MUser): boolean {
  return viewer.role === 'admin';
}

/** Brief, "Admin": history import is an admin job; README: "Admins bring another helpdesk's tickets in". */
export function seesImports(user: MUser): boolean {
  return user.role === 'admin';
}

export type ReportName = 'spend' | 'response-times' | 'sla-compliance' | 'volume' | 'asset-refresh' | 'prevention';
export const TICKET_REPORTS: readonly ReportName[] = ['response-times', 'sla-compliance', 'volume'];

/**
 * Issue 6: reports are for managers and admins, over the whole city (a restricted queue's work
 * still costs the city money, so figures are complete); technicians see their queues' operational
 * figures (response times, SLA compliance, volume: tickets of the queues they belong to), not
 * money; requesters see no report.
 */
export function reportScope(user: MUser, report: ReportName): 'city' | 'member_queues' | 'none' {
  if (user.role === 'manager' || user.role === 'admin') return 'city';
  if (user.role === 'technician' && TICKET_REPORTS.includes(report)) return 'member_queues';
  return 'none';
}
export function reportCountsTicket(world: World, user: MUser, report: ReportName, ticket: MTicket): boolean {
  const scope = reportScope(user, report);
  return scope === 'city' || (scope === 'member_queues' && queueOf(world, ticket).memberIds.has(user.id));
}

/** Issue 3: badge counts are the technician's queue view (staff); requesters have "My tickets". */
export function seesQueueCounts(user: MUser): boolean {
  return isStaff(user);
}

export const OPEN_STATUSES: readonly TicketStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'waiting_on_requester',
  'waiting_on_vendor',
];

export function ticketById(world: World, id: string): MTicket {
  const ticket = world.tickets.find((t) => t.id === id);
  if (!ticket) throw new Error(`model: no ticket ${id}`);
  return ticket;
}
