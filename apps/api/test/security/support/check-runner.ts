import { isDeepStrictEqual } from 'node:util';
import type { ApiClient, ApiResponse } from '../../support/test-app.js';
import type { MUser } from './access-model.js';

/**
 * What the model says a request must answer:
 * - ok: a 2xx (the exact status when given);
 * - refused: the record is visible to the caller but this action is not theirs: this status;
 * - as-missing: exactly what the same caller gets for a record that does not exist (status and
 *   the whole body), and that answer has this status. Forbidden records must not be told apart.
 */
export type Expectation =
  | { outcome: 'ok'; status?: number }
  | { outcome: 'refused'; status: number; code?: string }
  | { outcome: 'as-missing'; status: number };

export interface Check {
  family: string;
  actor: MUser;
  /** What is tried, for the mismatch table: "PATCH /api/tickets/INC-000012 {title}". */
  action: string;
  /** Records whose model state the check reads or changes: checks on one record take turns. */
  locks?: string[];
  /** Evaluated when the check runs (after its locks), on the model's state at that moment. */
  expect(): Expectation;
  send(client: ApiClient): Promise<ApiResponse>;
  /** The same request naming a record that does not exist; `key` caches its answer per caller. */
  missing?: { key: string; send(client: ApiClient): Promise<ApiResponse> };
  /** For an ok answer: what the body must (not) hold; a string says what is wrong. */
  verify?(response: ApiResponse): string | undefined;
  /** For an ok answer: the change the model takes on. */
  apply?(response: ApiResponse): void;
}

export interface Mismatch {
  family: string;
  actor: string;
  action: string;
  expected: string;
  got: string;
  note: string;
}

/** Runs checks with limited concurrency; checks naming the same record run one after another. */
export async function runChecks(
  checks: readonly Check[],
  clientOf: (user: MUser) => ApiClient,
  options: { concurrency?: number } = {},
): Promise<{ mismatches: Mismatch[]; outcomes: Record<Expectation['outcome'], number> }> {
  const locks = new KeyedLocks();
  const missing = new Map<string, Promise<ApiResponse>>();
  const mismatches: Mismatch[] = [];
  const outcomes = { ok: 0, refused: 0, 'as-missing': 0 };
  let next = 0;

  const runOne = async (check: Check): Promise<void> => {
    const release = await locks.acquire(check.locks ?? []);
    try {
      const client = clientOf(check.actor);
      const expected = check.expect();
      outcomes[expected.outcome] += 1;
      const response = await check.send(client);
      const miss = (note: string) =>
        mismatches.push({
          family: check.family,
          actor: `${check.actor.role} ${check.actor.name}`,
          action: check.action,
          expected: describe(expected),
          got: `${response.status} ${codeOf(response)}`,
          note,
        });
      switch (expected.outcome) {
        case 'ok': {
          const good = expected.status ? response.status === expected.status : response.status >= 200 && response.status < 300;
          if (!good) return void miss(messageOf(response));
          const problem = check.verify?.(response);
          if (problem) return void miss(problem);
          check.apply?.(response);
          return;
        }
        case 'refused':
          if (response.status !== expected.status || (expected.code && codeOf(response) !== expected.code)) {
            miss(messageOf(response));
          }
          return;
        case 'as-missing': {
          if (!check.missing) throw new Error(`${check.family}: an as-missing expectation needs a missing request`);
          const key = `${check.actor.id}|${check.missing.key}`;
          if (!missing.has(key)) missing.set(key, check.missing.send(client));
          const baseline = await missing.get(key)!;
          if (baseline.status !== expected.status) {
            miss(`a missing record answers ${baseline.status} ${codeOf(baseline)}, the model expects ${expected.status}`);
          } else if (response.status !== baseline.status || !isDeepStrictEqual(response.body, baseline.body)) {
            miss(`differs from a missing record's ${baseline.status} ${JSON.stringify(baseline.body)}`);
          }
          return;
        }
      }
    } finally {
      release();
    }
  };

  const worker = async (): Promise<void> => {
    while (next < checks.length) await runOne(checks[next++]!);
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return { mismatches, outcomes };
}

/** The mismatches as a table, with the seed that replays them. */
export function mismatchReport(family: string, seed: number, mismatches: readonly Mismatch[]): string {
  if (mismatches.length === 0) return '';
  const rows = mismatches.slice(0, 40).map((m) => [m.actor, m.action, m.expected, m.got, m.note.slice(0, 160)]);
  const head = ['actor', 'action', 'expected', 'got', 'note'];
  const widths = head.map((h, i) => Math.min(70, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => c.slice(0, widths[i]).padEnd(widths[i]!)).join(' | ');
  return [
    `${mismatches.length} mismatch(es) in ${family} with SECURITY_SEED=${seed}` +
      (mismatches.length > 40 ? ' (first 40 shown)' : ''),
    line(head),
    widths.map((w) => '-'.repeat(w)).join('-+-'),
    ...rows.map(line),
  ].join('\n');
}

function describe(e: Expectation): string {
  switch (e.outcome) {
    case 'ok':
      return e.status ? `ok ${e.status}` : 'ok 2xx';
    case 'refused':
      return `refused ${e.status}${e.code ? ` ${e.code}` : ''}`;
    case 'as-missing':
      return `as missing (${e.status})`;
  }
}

export function codeOf(response: ApiResponse): string {
  const body = response.body as { code?: unknown } | undefined;
  return typeof body === 'object' && body !== null && typeof body.code === 'string' ? body.code : '';
}

function messageOf(response: ApiResponse): string {
  return typeof response.body === 'string' ? response.body.slice(0, 160) : JSON.stringify(response.body).slice(0, 160);
}

/** Per-key turn-taking; keys are taken in sorted order, so two checks can never wait on each other. */
class KeyedLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async acquire(keys: readonly string[]): Promise<() => void> {
    const releases: (() => void)[] = [];
    for (const key of [...new Set(keys)].sort()) {
      const previous = this.tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      this.tails.set(
        key,
        previous.then(() => mine),
      );
      await previous;
      releases.push(release);
    }
    return () => releases.forEach((r) => r());
  }
}
