import { auditNavItems } from '../features/audit';
import { SIGN_IN_PATH } from '../features/auth/sign-in-path';
import { importsNavItems } from '../features/imports';
import { maintenanceNavItems } from '../features/maintenance';
import type { Role } from '../lib/api/api-types';
import { ASSET_PATH_PATTERN } from '../lib/assets/asset-paths';
import { GET_HELP_PATH, MY_TICKETS_PATH, TICKET_PATH_PATTERN } from '../lib/tickets/ticket-paths';

export interface NavItem {
  label: string;
  to: string;
  /** Who sees the link and may open the page. */
  roles: readonly Role[];
}

export interface NavSection {
  /** Heading shown above the section; the main section has none. */
  label: string | null;
  items: readonly NavItem[];
}

export const PATHS = {
  signIn: SIGN_IN_PATH,
  dashboard: '/dashboard',
  queue: '/queue',
  getHelp: GET_HELP_PATH,
  myTickets: MY_TICKETS_PATH,
  /** One ticket, for everyone who may see it (the API decides who may). */
  ticket: TICKET_PATH_PATTERN,
  adminUsers: '/admin/users',
  adminDepartments: '/admin/departments',
  adminQueues: '/admin/queues',
  adminCategories: '/admin/categories',
  adminAssets: '/admin/assets',
  adminCalendars: '/admin/calendars',
  adminSlaPolicies: '/admin/sla-policies',
  adminRates: '/admin/rates',
  adminSettings: '/admin/settings',
  /** One asset, for IT staff; reached from the asset list, tickets and expenses. */
  asset: ASSET_PATH_PATTERN,
} as const;

export const NAVIGATION: readonly NavSection[] = [
  {
    label: null,
    items: [
      { label: 'Dashboard', to: PATHS.dashboard, roles: ['manager', 'admin'] },
      { label: 'Queue', to: PATHS.queue, roles: ['technician', 'manager', 'admin'] },
      { label: 'Get help', to: PATHS.getHelp, roles: ['requester'] },
      { label: 'My tickets', to: PATHS.myTickets, roles: ['requester', 'technician'] },
      ...maintenanceNavItems,
    ],
  },
  {
    label: 'Admin',
    items: [
      { label: 'Users', to: PATHS.adminUsers, roles: ['admin'] },
      { label: 'Departments', to: PATHS.adminDepartments, roles: ['admin'] },
      { label: 'Queues', to: PATHS.adminQueues, roles: ['admin'] },
      { label: 'Categories', to: PATHS.adminCategories, roles: ['admin'] },
      { label: 'Assets', to: PATHS.adminAssets, roles: ['admin'] },
      { label: 'Calendars', to: PATHS.adminCalendars, roles: ['admin'] },
      { label: 'SLA policies', to: PATHS.adminSlaPolicies, roles: ['admin'] },
      // Managers read the rates that cost their teams' time; admins set them.
      { label: 'Rates', to: PATHS.adminRates, roles: ['manager', 'admin'] },
      ...importsNavItems,
      { label: 'Settings', to: PATHS.adminSettings, roles: ['admin'] },
      ...auditNavItems,
    ],
  },
];

/** The sections and links a role sees, empty sections left out. */
export function navigationFor(role: Role): NavSection[] {
  return NAVIGATION.map((section) => ({
    ...section,
    items: section.items.filter((item) => item.roles.includes(role)),
  })).filter((section) => section.items.length > 0);
}

/** Where "/" takes a role: its first link. */
export function homePathFor(role: Role): string {
  return navigationFor(role)[0]?.items[0]?.to ?? PATHS.myTickets;
}

export function rolesFor(path: string): readonly Role[] {
  for (const section of NAVIGATION) {
    const item = section.items.find((candidate) => candidate.to === path);
    if (item) return item.roles;
  }
  throw new Error(`No navigation entry for ${path}`);
}
