import type { AssetType } from '../../../modules/assets/domain/asset-vocabulary.js';
import type { ExpenseType } from '../../../modules/costs/domain/cost-vocabulary.js';
import type { Impact } from '../../../modules/tickets/domain/ticket-vocabulary.js';

/**
 * What goes wrong in a city, what people ask for, and the preventive work that keeps things
 * running: the templates the demo history draws its tickets from.
 */

export const QUEUE_NAMES = ['Service Desk', 'Network', 'Public Safety Systems', 'Field Services', 'Security'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const CATEGORY_NAMES = [
  'Hardware',
  'Software',
  'Network',
  'Account / access',
  'Telecom',
  'Website',
  'Public safety systems',
  'New equipment',
  'Other',
  'Security / phishing',
] as const;
export type CategoryName = (typeof CATEGORY_NAMES)[number];

/** The queue a category's tickets go to (as the demo's categories route them). */
export const CATEGORY_QUEUE: Record<CategoryName, QueueName> = {
  Hardware: 'Field Services',
  Software: 'Service Desk',
  Network: 'Network',
  'Account / access': 'Service Desk',
  Telecom: 'Network',
  Website: 'Service Desk',
  'Public safety systems': 'Public Safety Systems',
  'New equipment': 'Field Services',
  Other: 'Service Desk',
  'Security / phishing': 'Security',
};

/** A cost a ticket of this kind sometimes brings besides labour. Amounts in dollars. */
export interface ExpenseChance {
  type: ExpenseType;
  chance: number;
  vendor: string;
  description: string;
  low: number;
  high: number;
}

export type ImpactMix = readonly (readonly [Impact, number])[];

const PERSONAL: ImpactMix = [
  ['one_person', 0.82],
  ['several_people', 0.14],
  ['department', 0.035],
  ['city_wide', 0.005],
];
const SHARED: ImpactMix = [
  ['one_person', 0.4],
  ['several_people', 0.42],
  ['department', 0.15],
  ['city_wide', 0.03],
];
const SITE: ImpactMix = [
  ['one_person', 0.05],
  ['several_people', 0.3],
  ['department', 0.5],
  ['city_wide', 0.15],
];

export interface IncidentTemplate {
  category: CategoryName;
  titles: readonly string[];
  /** The kinds of device the problem is with, when it is with one. */
  assets?: readonly AssetType[];
  impact: ImpactMix;
  /** Only in these departments. */
  departments?: readonly string[];
  /** Median minutes of work. */
  minutes: number;
  expenses?: readonly ExpenseChance[];
  /** Waits on a vendor more often than on the requester. */
  vendorWaits?: boolean;
}

const PARTS = (chance: number, low: number, high: number, description: string, vendor = 'CDW-G'): ExpenseChance => ({
  type: 'parts',
  chance,
  vendor,
  description,
  low,
  high,
});
const VENDOR = (chance: number, low: number, high: number, description: string, vendor: string): ExpenseChance => ({
  type: 'vendor',
  chance,
  vendor,
  description,
  low,
  high,
});

export const INCIDENTS: readonly IncidentTemplate[] = [
  {
    category: 'Hardware',
    titles: [
      'Computer will not start',
      'Blue screen after the update',
      'Computer very slow to boot',
      'Fan noise and overheating',
    ],
    assets: ['desktop', 'laptop'],
    impact: PERSONAL,
    minutes: 60,
    expenses: [
      PARTS(0.14, 60, 320, 'Replacement power supply or drive'),
      VENDOR(0.03, 150, 450, 'Depot repair', 'Dell Services'),
    ],
  },
  {
    category: 'Hardware',
    titles: ['Second monitor not detected', 'Monitor flickering', 'Docking station does not wake the screens'],
    assets: ['desktop', 'laptop'],
    impact: PERSONAL,
    minutes: 35,
    expenses: [PARTS(0.12, 25, 220, 'Cable, dock or monitor')],
  },
  {
    category: 'Hardware',
    titles: [
      'Printer jams on every page',
      'Printer prints streaks',
      'Copier shows a fuser error',
      'Scanner not saving to the shared drive',
    ],
    assets: ['printer'],
    impact: SHARED,
    minutes: 45,
    expenses: [
      PARTS(0.18, 40, 380, 'Fuser kit, rollers or toner'),
      VENDOR(0.05, 120, 420, 'Printer service call', 'Xerox Services'),
    ],
  },
  {
    category: 'Hardware',
    titles: ['Laptop battery will not charge', 'Laptop screen cracked', 'Laptop keyboard keys stuck'],
    assets: ['laptop'],
    impact: PERSONAL,
    minutes: 45,
    expenses: [PARTS(0.3, 60, 280, 'Battery, screen or keyboard')],
  },
  {
    category: 'Hardware',
    titles: ['Field tablet screen cracked', 'Tablet will not hold a charge', 'Phone will not turn on'],
    assets: ['tablet', 'mobile_phone'],
    impact: PERSONAL,
    departments: ['PW', 'UTIL', 'PARKS', 'FD', 'PLAN'],
    minutes: 40,
    expenses: [PARTS(0.3, 60, 340, 'Screen or battery replacement')],
  },
  {
    category: 'Hardware',
    titles: ['Plotter will not feed paper', 'Large-format plotter prints faded'],
    assets: ['printer'],
    impact: SHARED,
    departments: ['PLAN', 'PW'],
    minutes: 60,
    expenses: [PARTS(0.3, 90, 600, 'Plotter printhead or rollers', 'HP')],
  },
  {
    category: 'Hardware',
    titles: ['Server disk failure alert', 'Server will not boot after a power cut', 'Storage array reports a failed controller'],
    assets: ['server', 'storage'],
    impact: SITE,
    departments: ['IT', 'UTIL'],
    minutes: 150,
    expenses: [
      PARTS(0.35, 300, 1800, 'Replacement drives or controller', 'Dell'),
      VENDOR(0.12, 800, 4500, 'Emergency vendor support', 'Dell ProSupport'),
    ],
    vendorWaits: true,
  },
  {
    category: 'Hardware',
    titles: ['UPS alarming on battery', 'UPS shut down during a brown-out'],
    assets: ['ups'],
    impact: SITE,
    departments: ['IT'],
    minutes: 60,
    expenses: [PARTS(0.35, 180, 900, 'UPS battery pack', 'APC')],
  },
  {
    category: 'Software',
    titles: ['Outlook keeps asking for my password', 'Excel crashes when opening a workbook', 'Cannot print to PDF'],
    impact: PERSONAL,
    minutes: 30,
  },
  {
    category: 'Software',
    titles: ['Teams meeting audio cuts out', 'Shared calendar not updating', 'OneDrive stuck syncing'],
    impact: PERSONAL,
    minutes: 30,
  },
  {
    category: 'Software',
    titles: ['ERP report fails to run', 'Budget workbook locked for editing', 'Accounts payable batch will not post'],
    impact: SHARED,
    departments: ['FIN', 'CH'],
    minutes: 55,
    expenses: [
      {
        type: 'contract',
        chance: 0.08,
        vendor: 'Tyler Technologies',
        description: 'ERP vendor support hours',
        low: 250,
        high: 1500,
      },
    ],
  },
  {
    category: 'Software',
    titles: ['Permits system errors on save', 'Inspection app not syncing', 'GIS viewer will not load layers'],
    impact: SHARED,
    departments: ['PLAN', 'PW', 'UTIL', 'CH'],
    minutes: 50,
    expenses: [{ type: 'contract', chance: 0.06, vendor: 'Esri', description: 'Vendor support case', low: 200, high: 900 }],
  },
  {
    category: 'Software',
    titles: ['Case management system very slow', 'Court calendar will not print', 'E-filing upload rejected'],
    impact: SHARED,
    departments: ['COURT'],
    minutes: 50,
    expenses: [
      {
        type: 'contract',
        chance: 0.06,
        vendor: 'Journal Technologies',
        description: 'Vendor support hours',
        low: 200,
        high: 1200,
      },
    ],
  },
  {
    category: 'Software',
    titles: ['Timesheet app shows the wrong pay period', 'HRIS will not open a personnel file', 'Benefits portal error'],
    impact: SHARED,
    departments: ['HR', 'FIN'],
    minutes: 45,
  },
  {
    category: 'Software',
    titles: ['Catalogue kiosk frozen', 'Self-checkout station offline', 'Public computer booking system down'],
    impact: SHARED,
    departments: ['LIB'],
    minutes: 40,
  },
  {
    category: 'Software',
    titles: ['Registration system will not take payments', 'Facility booking calendar shows double bookings'],
    impact: SHARED,
    departments: ['PARKS'],
    minutes: 45,
    expenses: [{ type: 'contract', chance: 0.08, vendor: 'CivicRec', description: 'Vendor support hours', low: 150, high: 700 }],
  },
  {
    category: 'Network',
    titles: ['Cannot connect to the shared drive', 'VPN will not connect', 'Internet very slow'],
    impact: PERSONAL,
    minutes: 40,
  },
  {
    category: 'Network',
    titles: ['Wi-Fi drops every few minutes', 'No Wi-Fi in the meeting room'],
    assets: ['wireless_access_point'],
    impact: SHARED,
    minutes: 50,
    expenses: [PARTS(0.1, 300, 780, 'Replacement access point', 'HPE Aruba')],
  },
  {
    category: 'Network',
    titles: ['Site offline', 'Remote site has no network', 'Network switch port errors'],
    assets: ['network_switch', 'router', 'firewall'],
    impact: SITE,
    departments: ['PW', 'UTIL', 'PARKS', 'FD', 'IT', 'LIB'],
    minutes: 90,
    expenses: [
      VENDOR(0.12, 250, 1400, 'ISP technician dispatch', 'Spectrum Enterprise'),
      PARTS(0.08, 120, 900, 'SFP module or switch', 'Cisco'),
    ],
    vendorWaits: true,
  },
  {
    category: 'Telecom',
    titles: ['Desk phone shows "registering"', 'Voicemail not working', 'Calls drop after a minute'],
    assets: ['desk_phone'],
    impact: PERSONAL,
    minutes: 30,
    expenses: [PARTS(0.06, 120, 330, 'Replacement handset', 'Cisco')],
  },
  {
    category: 'Telecom',
    titles: ['Mobile phone has no service', 'Cannot receive texts on the city phone'],
    assets: ['mobile_phone'],
    impact: PERSONAL,
    minutes: 30,
    expenses: [VENDOR(0.04, 50, 200, 'Carrier support', 'Verizon')],
  },
  {
    category: 'Telecom',
    titles: ['Main phone line not ringing through', 'Phone tree plays the wrong message'],
    impact: SITE,
    minutes: 60,
    expenses: [VENDOR(0.15, 150, 700, 'Telecom vendor call-out', 'Westnet')],
    vendorWaits: true,
  },
  {
    category: 'Website',
    titles: ['Form on the city website returns an error', 'Page shows outdated meeting times', 'Online payment page down'],
    impact: SITE,
    departments: ['CH', 'FIN', 'PARKS', 'LIB', 'PLAN', 'COURT'],
    minutes: 45,
    expenses: [
      { type: 'contract', chance: 0.15, vendor: 'CivicPlus', description: 'Website support hours', low: 150, high: 900 },
    ],
  },
  {
    category: 'Security / phishing',
    titles: ['Suspicious e-mail reported', 'Clicked a link in a phishing e-mail', 'Account locked after odd sign-ins'],
    impact: PERSONAL,
    minutes: 30,
    expenses: [VENDOR(0.02, 500, 4000, 'Incident response retainer hours', 'Arctic Wolf')],
  },
  {
    category: 'Account / access',
    titles: ['Password expired while on leave', 'Locked out after too many attempts', 'MFA prompt never arrives'],
    impact: PERSONAL,
    minutes: 15,
  },
  {
    category: 'Public safety systems',
    titles: ['In-car terminal freezes at login', 'CAD client disconnects', 'In-car terminal will not connect to the VPN'],
    assets: ['mobile_data_terminal'],
    impact: SHARED,
    departments: ['PD', 'FD'],
    minutes: 75,
    expenses: [
      PARTS(0.1, 80, 600, 'Dock, antenna or battery', 'Panasonic'),
      VENDOR(0.06, 300, 1200, 'Toughbook depot repair', 'Panasonic'),
    ],
    vendorWaits: true,
  },
  {
    category: 'Public safety systems',
    titles: ['Radio will not register on the system', 'Portable radio battery fails early'],
    assets: ['radio'],
    impact: SHARED,
    departments: ['PD', 'FD'],
    minutes: 70,
    expenses: [
      PARTS(0.15, 90, 450, 'Radio battery or antenna', 'Motorola Solutions'),
      VENDOR(0.08, 300, 2500, 'Radio shop service call', 'Motorola Solutions'),
    ],
    vendorWaits: true,
  },
  {
    category: 'Public safety systems',
    titles: ['Body camera dock offline', 'In-car camera not uploading'],
    assets: ['camera'],
    impact: SHARED,
    departments: ['PD'],
    minutes: 60,
    expenses: [PARTS(0.08, 120, 500, 'Dock or camera module', 'Axon')],
  },
  {
    category: 'Public safety systems',
    titles: ['Station alerting fails the tone test', 'Dispatch map layer not refreshing'],
    impact: SITE,
    departments: ['PD', 'FD'],
    minutes: 90,
    expenses: [VENDOR(0.15, 300, 1500, 'Alerting vendor call-out', 'Westnet')],
    vendorWaits: true,
  },
  {
    category: 'Other',
    titles: ['Conference room display not working', 'Council chamber microphones crackle', 'Projector shows no signal'],
    impact: SHARED,
    minutes: 35,
  },
];

/** Incident categories by department (weights), on top of which each department's own templates apply. */
const COMMON_MIX: Partial<Record<CategoryName, number>> = {
  Hardware: 26,
  Software: 26,
  Network: 13,
  Telecom: 7,
  'Security / phishing': 6,
  'Account / access': 8,
  Other: 4,
  Website: 2,
};

export interface DepartmentProfile {
  /** Incidents on an ordinary weekday before prevention, at scale 1. */
  incidentsPerDay: number;
  /** Service requests on an ordinary weekday, at scale 1. */
  requestsPerDay: number;
  mix: Partial<Record<CategoryName, number>>;
}

export const DEPARTMENT_PROFILES: Readonly<Record<string, DepartmentProfile>> = {
  CH: { incidentsPerDay: 1.85, requestsPerDay: 0.53, mix: { ...COMMON_MIX, Website: 7, Other: 8 } },
  FIN: { incidentsPerDay: 1.67, requestsPerDay: 0.48, mix: { ...COMMON_MIX, Software: 38, Website: 4 } },
  PD: { incidentsPerDay: 3.7, requestsPerDay: 0.88, mix: { ...COMMON_MIX, 'Public safety systems': 30, Hardware: 20 } },
  FD: { incidentsPerDay: 2.2, requestsPerDay: 0.48, mix: { ...COMMON_MIX, 'Public safety systems': 25, Network: 10 } },
  PW: { incidentsPerDay: 1.94, requestsPerDay: 0.48, mix: { ...COMMON_MIX, Hardware: 30, Network: 18, Telecom: 12 } },
  PARKS: { incidentsPerDay: 1.14, requestsPerDay: 0.35, mix: { ...COMMON_MIX, Telecom: 12, Network: 12, Software: 20 } },
  LIB: { incidentsPerDay: 1.67, requestsPerDay: 0.35, mix: { ...COMMON_MIX, Hardware: 28, Network: 18, Software: 22 } },
  UTIL: { incidentsPerDay: 1.5, requestsPerDay: 0.35, mix: { ...COMMON_MIX, Network: 18, Hardware: 25 } },
  IT: {
    incidentsPerDay: 1.5,
    requestsPerDay: 0.26,
    mix: { ...COMMON_MIX, Network: 30, Hardware: 25, 'Security / phishing': 10 },
  },
  HR: { incidentsPerDay: 0.79, requestsPerDay: 0.44, mix: { ...COMMON_MIX, Software: 35, 'Account / access': 15 } },
  PLAN: { incidentsPerDay: 1.06, requestsPerDay: 0.31, mix: { ...COMMON_MIX, Software: 35, Hardware: 25 } },
  COURT: { incidentsPerDay: 0.79, requestsPerDay: 0.26, mix: { ...COMMON_MIX, Software: 35, Hardware: 25 } },
};

export const profileOf = (code: string): DepartmentProfile =>
  DEPARTMENT_PROFILES[code] ?? { incidentsPerDay: 0.88, requestsPerDay: 0.35, mix: COMMON_MIX };

export interface RequestTemplate {
  category: CategoryName;
  titles: readonly string[];
  minutes: number;
  expenses?: readonly ExpenseChance[];
  /** More of these in the hiring seasons. */
  hiring?: boolean;
  weight: number;
}

export const REQUESTS: readonly RequestTemplate[] = [
  {
    category: 'Account / access',
    titles: ['New employee account and mailbox', 'Accounts for a seasonal hire', 'Set up a new starter’s phone and e-mail'],
    minutes: 45,
    hiring: true,
    weight: 18,
  },
  {
    category: 'Account / access',
    titles: ['Access to the shared mailbox', 'Add me to the department drive', 'Remove access for a departing employee'],
    minutes: 15,
    weight: 22,
  },
  {
    category: 'New equipment',
    titles: ['Second monitor for my desk', 'Headset for calls', 'Loaner laptop for travel', 'Docking station for a new laptop'],
    minutes: 35,
    expenses: [PARTS(0.55, 40, 420, 'Monitor, headset or dock')],
    weight: 20,
  },
  {
    category: 'Software',
    titles: [
      'Install the GIS viewer',
      'Install Adobe Acrobat Pro',
      'Install the PDF editor for plan review',
      'Add-in for the ERP',
    ],
    minutes: 25,
    expenses: [{ type: 'software', chance: 0.4, vendor: 'SHI', description: 'Software licence', low: 40, high: 700 }],
    weight: 22,
  },
  {
    category: 'Website',
    titles: ['Update a page on the city website', 'Post the meeting agenda online'],
    minutes: 30,
    weight: 8,
  },
  {
    category: 'Other',
    titles: ['Set up the room for a council meeting', 'Help with a presentation'],
    minutes: 40,
    weight: 10,
  },
];

/** How a proactive task is spread over the year. */
export type Cadence = 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';

export interface ProactiveTemplate {
  title: string;
  category: CategoryName | null;
  queue: QueueName;
  cadence: Cadence;
  /** Median minutes of work; `perDevice` adds minutes per device the department has. */
  minutes: number;
  perDevice?: number;
  /** Only these departments ('*' for every department). */
  departments: readonly string[] | '*';
  /** Runs from the start of the history (the data center's routine before any programme). */
  baseline?: boolean;
  /** Taken over by a maintenance plan of the demo for its last months (the plan's tickets are its). */
  plan?: string;
  expenses?: readonly ExpenseChance[];
}

export const PROACTIVE: readonly ProactiveTemplate[] = [
  {
    title: 'Patch and update {dept} workstations',
    category: 'Software',
    queue: 'Field Services',
    cadence: 'monthly',
    minutes: 60,
    perDevice: 5,
    departments: '*',
  },
  {
    title: 'Vulnerability scan and fixes for {dept}',
    category: 'Security / phishing',
    queue: 'Security',
    cadence: 'monthly',
    minutes: 120,
    departments: '*',
  },
  {
    title: 'Backup and restore check of {dept} systems',
    category: 'Other',
    queue: 'Network',
    cadence: 'monthly',
    minutes: 90,
    departments: '*',
  },
  {
    title: 'Health check of {dept} devices',
    category: 'Hardware',
    queue: 'Field Services',
    cadence: 'monthly',
    minutes: 45,
    perDevice: 2,
    departments: '*',
  },
  {
    title: 'Access review for {dept}',
    category: 'Account / access',
    queue: 'Security',
    cadence: 'quarterly',
    minutes: 90,
    departments: '*',
  },
  {
    title: 'Security awareness training for {dept}',
    category: 'Security / phishing',
    queue: 'Security',
    cadence: 'yearly',
    minutes: 240,
    departments: '*',
    expenses: [{ type: 'software', chance: 1, vendor: 'KnowBe4', description: 'Training platform seats', low: 250, high: 700 }],
  },
  {
    title: 'Monthly server patching',
    category: 'Software',
    queue: 'Network',
    cadence: 'monthly',
    minutes: 300,
    departments: ['IT'],
    baseline: true,
    plan: 'Monthly server patching',
  },
  {
    title: 'Server room walk-through',
    category: 'Other',
    queue: 'Field Services',
    cadence: 'weekly',
    minutes: 30,
    departments: ['IT'],
    baseline: true,
    plan: 'Weekly server room walk-through',
  },
  {
    title: 'Quarterly backup restore test',
    category: 'Other',
    queue: 'Network',
    cadence: 'quarterly',
    minutes: 180,
    departments: ['IT'],
    baseline: true,
    plan: 'Quarterly backup restore test',
  },
  {
    title: 'Firmware updates of network gear',
    category: 'Network',
    queue: 'Network',
    cadence: 'quarterly',
    minutes: 240,
    departments: ['IT'],
    plan: 'Firmware updates of network gear',
  },
  {
    title: 'UPS battery checks',
    category: 'Hardware',
    queue: 'Field Services',
    cadence: 'half_yearly',
    minutes: 160,
    departments: ['IT'],
    plan: 'UPS battery checks',
    expenses: [PARTS(0.3, 180, 900, 'UPS battery pack', 'APC')],
  },
  {
    title: 'Monthly check of in-car computers',
    category: 'Public safety systems',
    queue: 'Public Safety Systems',
    cadence: 'monthly',
    minutes: 240,
    departments: ['PD'],
    plan: 'Police in-car computer checks',
  },
  {
    title: 'Radio firmware and encryption key update',
    category: 'Public safety systems',
    queue: 'Public Safety Systems',
    cadence: 'quarterly',
    minutes: 180,
    departments: ['PD', 'FD'],
    expenses: [
      {
        type: 'contract',
        chance: 0.5,
        vendor: 'Motorola Solutions',
        description: 'Radio maintenance contract',
        low: 400,
        high: 900,
      },
    ],
  },
  {
    title: 'Body camera dock health check',
    category: 'Public safety systems',
    queue: 'Public Safety Systems',
    cadence: 'monthly',
    minutes: 60,
    departments: ['PD'],
  },
  {
    title: 'Station alerting tone test',
    category: 'Public safety systems',
    queue: 'Public Safety Systems',
    cadence: 'monthly',
    minutes: 90,
    departments: ['FD'],
  },
  {
    title: 'SCADA patch window',
    category: 'Software',
    queue: 'Network',
    cadence: 'monthly',
    minutes: 180,
    departments: ['UTIL'],
  },
  {
    title: 'Re-image the public computers',
    category: 'Software',
    queue: 'Field Services',
    cadence: 'monthly',
    minutes: 240,
    departments: ['LIB'],
  },
  {
    title: 'Wi-Fi survey of the branches',
    category: 'Network',
    queue: 'Network',
    cadence: 'quarterly',
    minutes: 120,
    departments: ['LIB', 'PARKS'],
  },
  {
    title: 'ERP patch and report check',
    category: 'Software',
    queue: 'Service Desk',
    cadence: 'quarterly',
    minutes: 180,
    departments: ['FIN'],
  },
  {
    title: 'Council chamber AV check',
    category: 'Other',
    queue: 'Service Desk',
    cadence: 'monthly',
    minutes: 60,
    departments: ['CH'],
  },
  {
    title: 'Website accessibility scan',
    category: 'Website',
    queue: 'Service Desk',
    cadence: 'quarterly',
    minutes: 120,
    departments: ['CH'],
    expenses: [{ type: 'software', chance: 1, vendor: 'Siteimprove', description: 'Accessibility scanner', low: 200, high: 300 }],
  },
  {
    title: 'Update field tablets and phones',
    category: 'Hardware',
    queue: 'Field Services',
    cadence: 'quarterly',
    minutes: 180,
    departments: ['PW', 'UTIL', 'PARKS'],
  },
  {
    title: 'Remote site network check',
    category: 'Network',
    queue: 'Network',
    cadence: 'monthly',
    minutes: 90,
    departments: ['PW', 'UTIL'],
  },
  {
    title: 'HRIS access review',
    category: 'Account / access',
    queue: 'Security',
    cadence: 'quarterly',
    minutes: 90,
    departments: ['HR'],
  },
  {
    title: 'GIS data backup verification',
    category: 'Software',
    queue: 'Service Desk',
    cadence: 'monthly',
    minutes: 60,
    departments: ['PLAN'],
  },
  {
    title: 'Case system restore test',
    category: 'Software',
    queue: 'Service Desk',
    cadence: 'quarterly',
    minutes: 120,
    departments: ['COURT'],
  },
];

/** Notes technicians leave on their work, by kind of work. */
export const WORK_NOTES = {
  incident: ['Diagnosis', 'Fix and test', 'Follow-up with the user', 'Remote session'],
  service_request: ['Set-up', 'Handover', 'Ordered and configured'],
  maintenance: ['Worked the checklist', 'Verified and recorded', 'Scheduled window'],
} as const;
