import { describe, expect, it } from '@jest/globals';
import { summarise } from './latency-stats.js';
import { failures, otherChecks, rowMet, rowTarget, SCENARIO, type ScenarioRun } from './targets.js';

const run = (scenario: string, connections: number, p95: number, extra: Partial<ScenarioRun> = {}): ScenarioRun => ({
  scenario,
  title: scenario,
  connections,
  // 20 samples: the 19th (the p95) is `p95`.
  api: summarise([...Array.from({ length: 18 }, () => 1), p95, p95], 1),
  statusCodes: { 200: 20 },
  errors: 0,
  raw: null,
  ratio: null,
  ...extra,
});

describe('rowTarget', () => {
  it('holds the queue page and badges to 50 ms, the detail to 30 ms and reports to 300 ms at p95', () => {
    expect(rowTarget(run(SCENARIO.queuePage, 50, 50), 50)).toEqual({ target: 'p95 ≤ 50 ms', met: true });
    expect(rowTarget(run(SCENARIO.queuePage, 50, 50.5), 50)?.met).toBe(false);
    expect(rowTarget(run(SCENARIO.badge, 1, 12), 50)?.met).toBe(true);
    expect(rowTarget(run(SCENARIO.detail, 50, 31), 50)).toEqual({ target: 'p95 ≤ 30 ms', met: false });
    expect(rowTarget(run('report-spend', 50, 299), 50)?.met).toBe(true);
    expect(rowTarget(run(SCENARIO.ceiling, 50, 1), 50)).toBeNull();
  });

  it('checks the creation rate only at the highest concurrency', () => {
    const created = run(SCENARIO.create, 50, 100);
    expect(rowTarget({ ...created, api: { ...created.api, perSecond: 310 } }, 50)).toEqual({ target: '≥ 300/s', met: true });
    expect(rowTarget({ ...created, api: { ...created.api, perSecond: 290 } }, 50)?.met).toBe(false);
    expect(rowTarget(run(SCENARIO.create, 1, 5), 50)).toBeNull();
  });
});

describe('rowMet', () => {
  it('needs the target, the API ÷ raw bound where the issue sets one, and no failed response', () => {
    expect(rowMet(run(SCENARIO.queuePage, 50, 20, { ratio: 1.4 }), 50)).toBe(true);
    expect(rowMet(run(SCENARIO.queuePage, 50, 20, { ratio: 1.6 }), 50)).toBe(false);
    expect(rowMet(run(SCENARIO.badge, 50, 20, { ratio: 3 }), 50)).toBe(true);
    expect(rowMet(run(SCENARIO.detail, 50, 20, { statusCodes: { 200: 19, 500: 1 } }), 50)).toBe(false);
    expect(rowMet(run(SCENARIO.comment, 50, 20), 50)).toBeNull();
  });
});

describe('failures', () => {
  it('counts non-2xx responses and connection errors', () => {
    expect(failures(run(SCENARIO.detail, 1, 1, { statusCodes: { 200: 5, 201: 1, 404: 2, 500: 1 }, errors: 3 }))).toBe(6);
  });
});

describe('otherChecks', () => {
  const runs = [run(SCENARIO.queuePage, 50, 20), run(SCENARIO.deepPage, 50, 23)];

  it('compares the deep page with page 1 and wants the same statement count at every page size', () => {
    const checks = otherChecks(runs, {
      statementsByPageSize: { 10: 3, 50: 3 },
      peakRssMb: null,
      sweep: null,
      webInitialKb: null,
    });
    expect(checks).toEqual([
      { name: 'deep queue page vs page 1 (p95 @50)', measured: '1.15×', target: '≤ 1.2×', met: true },
      {
        name: 'SQL statements per queue page request',
        measured: '3 at 10 rows, 3 at 50 rows',
        target: 'the same at every page size',
        met: true,
      },
    ]);
    expect(
      otherChecks(runs, { statementsByPageSize: { 10: 3, 50: 12 }, peakRssMb: null, sweep: null, webInitialKb: null })[1]!.met,
    ).toBe(false);
  });

  it('bounds memory, the sweep (and its growth with history) and the web app’s initial JavaScript', () => {
    const checks = otherChecks([], {
      statementsByPageSize: {},
      peakRssMb: 301,
      sweep: [
        { seconds: 4, tickets: 10_000, closed: 100_000 },
        { seconds: 6, tickets: 10_000, closed: 1_000_000 },
      ],
      webInitialKb: 240,
    });
    expect(checks.map((c) => [c.name, c.met])).toEqual([
      ['peak API memory under load (RSS)', false],
      ['escalation sweep over 10,000 due tickets', true],
      ['escalation sweep with all history vs a tenth of it', false],
      ['web app initial JavaScript (gzip)', true],
    ]);
    expect(checks[2]!.measured).toBe('1.5×');
  });

  it('reports every scenario that answered anything but 2xx', () => {
    const checks = otherChecks([run(SCENARIO.create, 50, 9, { statusCodes: { 201: 10, 500: 2 } })], {
      statementsByPageSize: {},
      peakRssMb: null,
      sweep: null,
      webInitialKb: null,
    });
    expect(checks).toEqual([
      { name: `${SCENARIO.create} @50: every response 2xx`, measured: '2 failed (201: 10, 500: 2)', target: 'none', met: false },
    ]);
  });
});
