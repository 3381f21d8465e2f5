import type {
  AssetRefreshReport,
  PreventionReport,
  PreventionRow,
  ResponseTimesReport,
  ResponseTimesRow,
  SlaComplianceReport,
  SlaComplianceRow,
  SpendReport,
  VolumeReport,
} from '../api/report-types';

/**
 * Small reports as the API answers them: January and February 2026 by month, in New York, the
 * fiscal year starting in July.
 */
const META = {
  from: '2026-01-01',
  to: '2026-02-28',
  interval: 'month' as const,
  timeZone: 'America/New_York',
  fiscalYearStartMonth: 7,
};

const MONTHS = [
  { period: '2026-01', periodStart: '2026-01-01' },
  { period: '2026-02', periodStart: '2026-02-01' },
] as const;

export const FINANCE = { id: '00000000-0000-4000-8000-00000000f001', name: 'Finance' };
export const POLICE = { id: '00000000-0000-4000-8000-00000000f002', name: 'Police' };
export const HARDWARE = { id: '00000000-0000-4000-8000-00000000c001', name: 'Hardware' };
export const NETWORK_CATEGORY = { id: '00000000-0000-4000-8000-00000000c002', name: 'Network' };

/** Reactive $500 / $1,000, service $250 / $500, proactive $250 / $1,500. */
export function aSpendReport(): SpendReport {
  const byClass = { reactive: [50_000, 100_000], service: [25_000, 50_000], proactive: [25_000, 150_000] };
  return {
    ...META,
    groupBy: 'work_class',
    periods: MONTHS.map((month, index) => {
      const total = byClass.reactive[index]! + byClass.service[index]! + byClass.proactive[index]!;
      return {
        ...month,
        labourMinutes: 600,
        labourCents: total,
        expenseCents: 0,
        totalCents: total,
        proactiveCents: byClass.proactive[index]!,
        proactiveShare: byClass.proactive[index]! / total,
      };
    }),
    rows: MONTHS.flatMap((month, index) =>
      (['reactive', 'service', 'proactive'] as const).map((workClass) => ({
        ...month,
        groupKey: workClass,
        groupName: workClass,
        labourMinutes: 200,
        labourCents: byClass[workClass][index]!,
        expenseCents: 0,
        totalCents: byClass[workClass][index]!,
      })),
    ),
  };
}

function timesRow(month: (typeof MONTHS)[number], minutes: [number, number, number, number] | null): ResponseTimesRow {
  const [responseMedian, responseP90, resolutionMedian, resolutionP90] = minutes ?? [null, null, null, null];
  const hours = (value: number | null) => (value === null ? null : value / 30);
  return {
    ...month,
    groupKey: null,
    groupName: null,
    ticketCount: minutes ? 40 : 0,
    firstResponseCount: minutes ? 40 : 0,
    firstResponseMinutesCount: minutes ? 40 : 0,
    firstResponseMedianMinutes: responseMedian,
    firstResponseP90Minutes: responseP90,
    firstResponseMedianHours: hours(responseMedian),
    firstResponseP90Hours: hours(responseP90),
    firstResolutionCount: minutes ? 38 : 0,
    firstResolutionMinutesCount: minutes ? 38 : 0,
    firstResolutionMedianMinutes: resolutionMedian,
    firstResolutionP90Minutes: resolutionP90,
    firstResolutionMedianHours: hours(resolutionMedian),
    firstResolutionP90Hours: hours(resolutionP90),
    resolutionCount: minutes ? 38 : 0,
    resolutionMinutesCount: minutes ? 38 : 0,
    resolutionMedianMinutes: resolutionMedian,
    resolutionP90Minutes: resolutionP90,
    resolutionMedianHours: hours(resolutionMedian),
    resolutionP90Hours: hours(resolutionP90),
  };
}

/** January: response 45 min / 3 h, resolution 8 h / 40 h (business); February without tickets. Wall-clock is twice as long. */
export function aResponseTimesReport(): ResponseTimesReport {
  return { ...META, groupBy: null, rows: [timesRow(MONTHS[0], [45, 180, 480, 2400]), timesRow(MONTHS[1], null)] };
}

function complianceRow(month: (typeof MONTHS)[number], priority: string, met: number, targets: number): SlaComplianceRow {
  return {
    ...month,
    groupKey: priority,
    groupName: priority,
    ticketCount: targets,
    responseTargets: targets,
    responseMet: targets,
    responseBreached: 0,
    responseRate: targets === 0 ? null : 1,
    resolutionTargets: targets,
    resolutionMet: met,
    resolutionBreached: targets - met,
    resolutionRate: targets === 0 ? null : met / targets,
  };
}

/** Resolution met: P1 1 of 2 then none decided, P2–P4 9 of 10 each month; every response target met. */
export function anSlaComplianceReport(): SlaComplianceReport {
  return {
    ...META,
    groupBy: 'priority',
    rows: MONTHS.flatMap((month, index) => [
      complianceRow(month, 'P1', index === 0 ? 1 : 0, index === 0 ? 2 : 0),
      ...['P2', 'P3', 'P4'].map((priority) => complianceRow(month, priority, 9, 10)),
    ]),
  };
}

export function aVolumeReport(): VolumeReport {
  return {
    ...META,
    groupBy: null,
    asOf: '2026-02-28',
    rows: [
      { ...MONTHS[0], groupKey: null, groupName: null, created: 120, resolved: 100, openAtEnd: 35 },
      { ...MONTHS[1], groupKey: null, groupName: null, created: 90, resolved: 110, openAtEnd: 15 },
    ],
    backlogAge: [
      { bucket: '0-2', label: '0–2 days', minDays: 0, maxDays: 2, groupKey: null, groupName: null, count: 6 },
      { bucket: '3-7', label: '3–7 days', minDays: 3, maxDays: 7, groupKey: null, groupName: null, count: 4 },
      { bucket: '8-30', label: '8–30 days', minDays: 8, maxDays: 30, groupKey: null, groupName: null, count: 3 },
      { bucket: '31-90', label: '31–90 days', minDays: 31, maxDays: 90, groupKey: null, groupName: null, count: 2 },
      { bucket: '91+', label: 'over 90 days', minDays: 91, maxDays: null, groupKey: null, groupName: null, count: 0 },
    ],
  };
}

function preventionRow(
  quarter: { period: string; periodStart: string },
  group: { id: string; name: string },
  figures: Pick<PreventionRow, 'proactiveMinutes' | 'proactiveCents' | 'reactiveIncidents' | 'reactiveCents'>,
): PreventionRow {
  return {
    ...quarter,
    groupKey: group.id,
    groupName: group.name,
    proactiveHours: Math.round((figures.proactiveMinutes / 60) * 100) / 100,
    ...figures,
  };
}

const Q1 = { period: '2026-Q1', periodStart: '2026-01-01' };
const Q4 = { period: '2025-Q4', periodStart: '2025-10-01' };

const PREDICTABILITY: PreventionReport['predictability'] = [
  { workClass: 'reactive', months: 2, meanCents: 75_000, stdDevCents: 25_000, coefficientOfVariation: 0.3333 },
  { workClass: 'proactive', months: 2, meanCents: 87_500, stdDevCents: 62_500, coefficientOfVariation: 0.7143 },
];

/**
 * Per department over two quarters: Police $1,200 reactive (5 + 3 incidents) against 2 h proactive;
 * Finance $300 reactive (2 incidents) against 10 h and $1,750 proactive.
 */
export function aPreventionReportByDepartment(): PreventionReport {
  return {
    ...META,
    interval: 'quarter',
    groupBy: 'department',
    rows: [
      preventionRow(Q4, FINANCE, { proactiveMinutes: 300, proactiveCents: 75_000, reactiveIncidents: 1, reactiveCents: 10_000 }),
      preventionRow(Q4, POLICE, { proactiveMinutes: 60, proactiveCents: 0, reactiveIncidents: 5, reactiveCents: 70_000 }),
      preventionRow(Q1, FINANCE, { proactiveMinutes: 300, proactiveCents: 100_000, reactiveIncidents: 1, reactiveCents: 20_000 }),
      preventionRow(Q1, POLICE, { proactiveMinutes: 60, proactiveCents: 0, reactiveIncidents: 3, reactiveCents: 50_000 }),
    ],
    monthly: [],
    predictability: PREDICTABILITY,
  };
}

/** Per category in one quarter: Network $900 (4 incidents), Hardware $600 (6 incidents). */
export function aPreventionReportByCategory(): PreventionReport {
  return {
    ...META,
    interval: 'quarter',
    groupBy: 'category',
    rows: [
      preventionRow(Q1, HARDWARE, { proactiveMinutes: 0, proactiveCents: 0, reactiveIncidents: 6, reactiveCents: 60_000 }),
      preventionRow(Q1, NETWORK_CATEGORY, {
        proactiveMinutes: 0,
        proactiveCents: 0,
        reactiveIncidents: 4,
        reactiveCents: 90_000,
      }),
    ],
    monthly: [],
    predictability: PREDICTABILITY,
  };
}

export function anAssetRefreshReport(): AssetRefreshReport {
  return {
    from: '2025-07-01',
    to: '2030-06-30',
    groupBy: null,
    fiscalYearStartMonth: 7,
    asOf: '2026-02-28',
    repairShare: 0.5,
    overdue: { assetCount: 3, replacementCostCents: 360_000, unpricedCount: 0 },
    withoutPurchaseDate: 2,
    rows: [
      {
        period: 'FY2026',
        periodStart: '2025-07-01',
        groupKey: null,
        groupName: null,
        assetCount: 4,
        replacementCostCents: 520_000,
        unpricedCount: 1,
      },
      {
        period: 'FY2027',
        periodStart: '2026-07-01',
        groupKey: null,
        groupName: null,
        assetCount: 10,
        replacementCostCents: 1_300_000,
        unpricedCount: 0,
      },
    ],
    repairs: [
      {
        assetId: '00000000-0000-4000-8000-00000000a001',
        tag: 'FIN-LT-0042',
        name: 'Dell Latitude 5450',
        type: 'laptop',
        departmentId: FINANCE.id,
        departmentName: 'Finance',
        purchaseDate: '2023-07-01',
        replacementDue: '2026-07-01',
        replacementCostCents: 129_900,
        repairCostCents: 90_000,
        repairRatio: 0.6928,
      },
    ],
    repairCount: 1,
  };
}
