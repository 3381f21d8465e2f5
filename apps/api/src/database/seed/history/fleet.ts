import { DEFAULT_LIFECYCLE_YEARS, type AssetStatus, type AssetType } from '../../../modules/assets/domain/asset-vocabulary.js';
import type { Random } from './random.js';
import { programmeStart } from './story.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR_MS = 365.25 * DAY_MS;

/** A department's devices of one model: type, how many, model name, unit cost in dollars. */
export type FleetGroup = readonly [type: AssetType, count: number, name: string, dollars: number];

export interface PlannedAsset {
  departmentCode: string;
  type: AssetType;
  /** The number within its department and type (tags like FIN-LT-0003). */
  index: number;
  name: string;
  costCents: number;
  lifecycleYears: number;
  /** 'YYYY-MM-DD' */
  purchaseDate: string;
  status: AssetStatus;
  retiredAt: Date | null;
  /** Bought to replace a worn-out one under the department's preventive programme (a refresh ticket tells of it). */
  refreshed: boolean;
  /** Breaks again and again: its repairs come to more than half of what a new one costs. */
  lemon: boolean;
}

/** Device types whose repeated repairs make a good example of "replace, do not repair". */
const LEMON_TYPES: ReadonlySet<AssetType> = new Set([
  'printer',
  'server',
  'mobile_data_terminal',
  'radio',
  'laptop',
  'desktop',
  'ups',
  'network_switch',
]);
const LEMONS = 8;

/**
 * Purchase dates with the ages a city's fleet has: some models bought in one wave (a department's
 * whole set of in-car computers in one budget year), others bit by bit; some past their
 * replacement date. Devices that wore out after a department's preventive programme started were
 * mostly replaced then, so fewer are overdue now and the forecast by fiscal year has its waves.
 * A few old, dear devices are lemons whose repairs the history piles up.
 */
export function planFleet(random: Random, now: Date, fleet: Readonly<Record<string, readonly FleetGroup[]>>): PlannedAsset[] {
  const assets: PlannedAsset[] = [];
  for (const [code, groups] of Object.entries(fleet)) {
    const programme = programmeStart(code, now).getTime();
    for (const [type, count, name, dollars] of groups) {
      const lifecycle = DEFAULT_LIFECYCLE_YEARS[type];
      const wave = random.chance(0.5) ? random.between(0.5, lifecycle + 1) : null;
      for (let index = 1; index <= count; index++) {
        const years =
          wave !== null && random.chance(0.6)
            ? Math.max(0.1, wave + random.between(-0.35, 0.35))
            : random.between(0.2, lifecycle + 1.5);
        let bought = now.getTime() - years * YEAR_MS;
        const wornOut = bought + lifecycle * YEAR_MS;
        const refreshed = wornOut < now.getTime() + 0.25 * YEAR_MS && wornOut > programme && random.chance(0.7);
        if (refreshed) {
          const from = Math.max(programme, wornOut - 0.5 * YEAR_MS);
          bought = random.between(from, Math.max(from + DAY_MS, now.getTime() - 20 * DAY_MS));
        }
        const roll = random.float();
        const status: AssetStatus = roll < 0.02 ? 'retired' : roll < 0.04 ? 'in_repair' : 'in_service';
        assets.push({
          departmentCode: code,
          type,
          index,
          name,
          costCents: dollars * 100,
          lifecycleYears: lifecycle,
          purchaseDate: new Date(bought).toISOString().slice(0, 10),
          status,
          retiredAt: status === 'retired' ? new Date(now.getTime() - random.between(30, 200) * DAY_MS) : null,
          refreshed,
          lemon: false,
        });
      }
    }
  }
  // One lemon per department at most, the dearest old device in service of a type that breaks.
  const candidates = assets.filter(
    (a) =>
      !a.refreshed &&
      a.status === 'in_service' &&
      a.costCents >= 90_000 &&
      LEMON_TYPES.has(a.type) &&
      Date.parse(a.purchaseDate) < now.getTime() - 2.5 * YEAR_MS,
  );
  const byDepartment = new Map<string, PlannedAsset[]>();
  for (const a of candidates) byDepartment.set(a.departmentCode, [...(byDepartment.get(a.departmentCode) ?? []), a]);
  const departments = [...byDepartment.keys()];
  for (let i = 0; i < LEMONS && departments.length > 0; i++) {
    const code = departments.splice(random.int(0, departments.length - 1), 1)[0]!;
    random.pick(byDepartment.get(code)!).lemon = true;
  }
  return assets;
}
