import type { ApiClient, ApiResponse } from '../../support/test-app.js';
import { queryForms } from './bad-values.js';
import { changedTables, fingerprint, type Fingerprint } from './db-fingerprint.js';
import { pathValues, send, validBody, validQuery, type FuzzFixture } from './fuzz-fixture.js';
import type { Operation } from './openapi-catalog.js';

/** Where a probe puts its value: a query or path parameter, a body field (or a field of an object field), or the whole body. */
export type Target =
  { in: 'query' | 'path' | 'body'; name: string } | { in: 'nested'; parent: string; name: string } | { in: 'raw'; name: string };

export function targetName(target: Target): string {
  return target.in === 'nested' ? `${target.parent}.${target.name}` : target.name;
}

/** Percent-encodes any string, lone surrogates included (as their UTF-8-ish bytes), for a path segment. */
function segment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

export interface ProbeResult {
  response: ApiResponse;
  /** What is wrong, or undefined. */
  problem?: string;
}

/**
 * Sends one request with one hostile value and judges the answer: never a 5xx; a 400 names the
 * probed field; a refused write leaves every table as it was; nothing reaches Object.prototype.
 */
export class FuzzProbe {
  private known: Fingerprint | null = null;

  constructor(
    private readonly fx: FuzzFixture,
    private readonly client: ApiClient,
  ) {}

  async probe(op: Operation, target: Target, value: unknown): Promise<ProbeResult> {
    const paths = pathValues(this.fx, op);
    const query: Record<string, string | string[]> = validQuery(this.fx, op);
    let body: unknown = await validBody(this.fx, op);
    let raw: string | undefined;
    switch (target.in) {
      case 'path':
        paths[target.name] = typeof value === 'string' ? value : JSON.stringify(value);
        break;
      case 'query':
        query[target.name] = queryForms(value);
        break;
      case 'body':
        body = op.body?.contentType === 'application/json' ? { ...(body as object), [target.name]: value } : value;
        break;
      case 'nested': {
        const base = body as Record<string, unknown>;
        const parent = typeof base[target.parent] === 'object' && base[target.parent] !== null ? base[target.parent] : {};
        body = { ...base, [target.parent]: { ...(parent as object), [target.name]: value } };
        break;
      }
      case 'raw':
        raw = String(value).replace('"$BASE"', JSON.stringify(body).slice(1, -1) || '"x":1');
        break;
    }
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => segment(paths[name] ?? ''));
    const url = params.size ? `${path}?${params.toString()}` : path;

    const write = op.method !== 'GET';
    const before = write ? (this.known ?? (await fingerprint(this.fx.t.dataSource))) : null;
    let response: ApiResponse;
    try {
      response = await send(this.client, op, url, body, raw);
    } catch (error) {
      return { response: { status: 0, body: null, headers: new Headers() }, problem: `the request failed: ${String(error)}` };
    }
    const problem = await this.judge(op, target, value, response, before);
    return { response, problem };
  }

  private async judge(
    op: Operation,
    target: Target,
    value: unknown,
    res: ApiResponse,
    before: Fingerprint | null,
  ): Promise<string | undefined> {
    const polluted = Object.keys(Object.prototype);
    if (polluted.length) return `Object.prototype polluted with ${polluted.join(', ')}`;
    if (res.status >= 500) return `answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    if (before) {
      const after = await fingerprint(this.fx.t.dataSource);
      this.known = after;
      if (res.status >= 400) {
        const changed = changedTables(before, after);
        if (changed.length) return `refused with ${res.status} but changed ${changed.join(', ')}`;
      }
    }
    // A text body (CSV, iCalendar) is one field the route names its own way.
    const textBody = target.in === 'body' && op.body?.contentType !== 'application/json';
    if (res.status !== 400 || target.in === 'path' || target.in === 'raw' || textBody) return undefined;
    // The JSON parser refuses "__proto__" and "constructor" keys anywhere in a body, before any field is known.
    if (
      (res.body as { code?: string }).code === 'malformed_json' &&
      /"(__proto__|constructor)"/.test(JSON.stringify(value) ?? '')
    ) {
      return undefined;
    }
    return this.namesField(target, res);
  }

  /** A 400 for a probed field names that field (a rule across fields may name its partners too). */
  private namesField(target: Target, res: ApiResponse): string | undefined {
    const body = res.body as { code?: string; message?: string; details?: unknown };
    const probed = targetName(target);
    const top = target.in === 'nested' ? target.parent : target.name;
    const related = (field: string) =>
      field === probed || field === top || field.startsWith(`${top}.`) || field.startsWith(`${top}[`);
    const fields = Array.isArray(body.details)
      ? (body.details as { field?: unknown }[]).map((d) => d.field).filter((f): f is string => typeof f === 'string')
      : [];
    if (fields.length === 0) {
      return body.message?.includes(top)
        ? undefined
        : `400 ${body.code} without naming ${probed}: ${JSON.stringify(body).slice(0, 200)}`;
    }
    return fields.some(related) ? undefined : `400 names ${fields.join(', ')} but not ${probed}`;
  }

  /** Forget the cached fingerprint (after writes made outside the probe). */
  reset(): void {
    this.known = null;
  }
}
