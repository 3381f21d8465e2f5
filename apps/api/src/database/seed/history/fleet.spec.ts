import { describe, expect, it } from '@jest/globals';
import { planFleet, type FleetGroup } from './fleet.js';
import { Random } from './random.js';
import { programmeStart } from './story.js';

const NOW = new Date('2026-11-20T15:00:00Z');
const FLEET: Record<string, FleetGroup[]> = {
  PD: [
    ['mobile_data_terminal', 24, 'Panasonic Toughbook 40', 4200],
    ['radio', 12, 'Motorola APX 6000', 5200],
  ],
  FIN: [
    ['desktop', 14, 'Dell OptiPlex 7010', 980],
    ['laptop', 10, 'Lenovo ThinkPad T14', 1450],
  ],
  IT: [
    ['server', 10, 'Dell PowerEdge R750', 11200],
    ['network_switch', 16, 'Cisco Catalyst 9300', 6400],
  ],
  LIB: [['desktop', 24, 'Dell OptiPlex 7010', 980]],
  PARKS: [['laptop', 6, 'Dell Latitude 5440', 1300]],
};
/** The fiscal year (starting in July) a date falls in, by the year it ends. */
const fiscalYear = (date: Date) => date.getUTCFullYear() + (date.getUTCMonth() >= 6 ? 1 : 0);

describe(planFleet.name, () => {
  const assets = planFleet(Random.seeded(311), NOW, FLEET);

  it('is the same fleet for the same seed, every device with a past purchase date', () => {
    expect(planFleet(Random.seeded(311), NOW, FLEET)).toEqual(assets);
    expect(assets).toHaveLength(116);
    expect(assets.every((a) => a.purchaseDate < NOW.toISOString().slice(0, 10))).toBe(true);
  });

  it('spreads replacements over the coming fiscal years, with a few devices already overdue', () => {
    const due = assets
      .filter((a) => a.status !== 'retired')
      .map((a) => {
        const d = new Date(`${a.purchaseDate}T00:00:00Z`);
        d.setUTCFullYear(d.getUTCFullYear() + a.lifecycleYears);
        return d;
      });
    const overdue = due.filter((d) => d < NOW).length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(due.length / 3);
    const years = new Set(due.filter((d) => d >= NOW).map(fiscalYear));
    for (let fy = fiscalYear(NOW); fy < fiscalYear(NOW) + 5; fy++) expect(years).toContain(fy);
  });

  it('bought the refreshed devices after the department’s programme started', () => {
    const refreshed = assets.filter((a) => a.refreshed);
    expect(refreshed.length).toBeGreaterThan(5);
    for (const a of refreshed) {
      expect(new Date(`${a.purchaseDate}T23:59:59Z`).getTime()).toBeGreaterThanOrEqual(
        programmeStart(a.departmentCode, NOW).getTime(),
      );
    }
  });

  it('names a few old, dear lemons in service, one per department at most', () => {
    const lemons = assets.filter((a) => a.lemon);
    expect(lemons.length).toBeGreaterThanOrEqual(3);
    expect(new Set(lemons.map((a) => a.departmentCode)).size).toBe(lemons.length);
    for (const a of lemons) {
      expect(a).toMatchObject({ status: 'in_service', refreshed: false });
      expect(a.costCents).toBeGreaterThanOrEqual(90_000);
      expect(a.purchaseDate < '2024-06-01').toBe(true);
    }
  });
});
