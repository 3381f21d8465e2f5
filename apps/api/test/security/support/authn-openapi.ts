import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The routes of the committed OpenAPI document (apps/api/openapi.json), as the authentication,
 * header and CSV suites walk them: a route added to the API is covered without anyone
 * remembering to list it (api-conventions.test.ts keeps the document in step with the code).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteParam {
  name: string;
  required: boolean;
  enum: readonly string[] | null;
}

export interface Route {
  method: HttpMethod;
  /** The OpenAPI path, e.g. /api/tickets/{id}/work-logs/{logId}. */
  path: string;
  /** "PATCH /api/tickets/{id}". */
  key: string;
  pathParams: string[];
  query: RouteParam[];
  /** The request body's content type, when the route takes a body. */
  bodyType: string | null;
  /** Content types of the success answer (application/json, text/csv, text/calendar …). */
  produces: string[];
  /** Answers without a session (no cookie security requirement in the document). */
  public: boolean;
}

interface Document {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema?: { enum?: string[]; $ref?: string } }[];
        requestBody?: { content: Record<string, unknown> };
        responses?: Record<string, { content?: Record<string, unknown> }>;
        security?: unknown[];
      }
    >
  >;
  components: { schemas: Record<string, { enum?: string[] }> };
}

const DOCUMENT = join(dirname(fileURLToPath(import.meta.url)), '../../../openapi.json');
const METHODS = new Set<string>(['get', 'post', 'put', 'patch', 'delete']);

let cached: Route[] | undefined;

export function apiRoutes(): Route[] {
  if (cached) return cached;
  const doc = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as Document;
  const enumOf = (schema: { enum?: string[]; $ref?: string } | undefined): string[] | null => {
    if (schema?.enum) return schema.enum;
    if (schema?.$ref) return doc.components.schemas[schema.$ref.split('/').pop()!]?.enum ?? null;
    return null;
  };
  cached = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]): Route => {
        const upper = method.toUpperCase() as HttpMethod;
        const success = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2'));
        return {
          method: upper,
          path,
          key: `${upper} ${path}`,
          pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
          query: (op.parameters ?? [])
            .filter((p) => p.in === 'query')
            .map((p) => ({ name: p.name, required: p.required === true, enum: enumOf(p.schema) })),
          bodyType: op.requestBody ? Object.keys(op.requestBody.content)[0]! : null,
          produces: [...new Set(success.flatMap(([, response]) => Object.keys(response.content ?? {})))],
          public: !op.security?.length,
        };
      }),
  );
  return cached;
}

export const isStateChanging = (route: Route): boolean => route.method !== 'GET';

/**
 * A concrete URL for a route: each path parameter is the id of a record of the collection the
 * segment before it names (`/tickets/{id}/work-logs/{logId}` → a ticket, then a work log of it).
 * A collection without a record fails loudly: a new route needs its record in the fixture.
 */
export function concretePath(route: Route, records: Readonly<Record<string, string>>): string {
  const segments = route.path.split('/');
  return segments
    .map((segment, i) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!param) return segment;
      const collection = param === 'token' ? 'feedToken' : segments[i - 1]!;
      const value = records[collection];
      if (value === undefined) throw new Error(`${route.key}: no fixture record for {${param}} (${collection})`);
      return encodeURIComponent(value);
    })
    .join('/');
}
