import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The routes as the committed OpenAPI document (apps/api/openapi.json) describes them: every
 * operation with its path, query and body parameters, schemas resolved. The mass-assignment and
 * input-fuzzing suites walk this list, so a route added to the API is fuzzed without anyone
 * remembering to add it (and a test keeps the document in step with the code).
 */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  example?: unknown;
  default?: unknown;
  description?: string;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface Param {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The OpenAPI path, e.g. /api/tickets/{id}. */
  path: string;
  /** "PATCH /api/tickets/{id}". */
  key: string;
  public: boolean;
  query: Param[];
  pathParams: Param[];
  /** The request body's content type and resolved schema, when it takes one. */
  body: { contentType: string; schema: Schema } | null;
}

interface Document {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: (Param & { in: string })[];
        requestBody?: { content: Record<string, { schema: Schema }> };
        security?: unknown[];
      }
    >
  >;
  components: { schemas: Record<string, Schema> };
}

const DOCUMENT = join(dirname(fileURLToPath(import.meta.url)), '../../../openapi.json');

let cached: Operation[] | undefined;

export function operations(): Operation[] {
  if (cached) return cached;
  const doc = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as Document;
  const resolve = (schema: Schema, depth = 0): Schema => {
    if (depth > 12) throw new Error('openapi: schema nesting too deep');
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      const target = doc.components.schemas[name];
      if (!target) throw new Error(`openapi: unknown schema ${name}`);
      return resolve({ ...target, ...(schema.nullable ? { nullable: true } : {}) }, depth + 1);
    }
    if (schema.allOf?.length) {
      const merged = schema.allOf.map((s) => resolve(s, depth + 1)).reduce((a, b) => ({ ...a, ...b }), {});
      const rest: Schema = { ...schema };
      delete rest.allOf;
      return { ...merged, ...rest };
    }
    const out: Schema = { ...schema };
    if (schema.items) out.items = resolve(schema.items, depth + 1);
    if (schema.properties) {
      out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, depth + 1)]));
    }
    return out;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const upper = method.toUpperCase() as Operation['method'];
      const params = (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema ?? { type: 'string' }) }));
      const [contentType, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      ops.push({
        method: upper,
        path,
        key: `${upper} ${path}`,
        public: op.security === undefined,
        query: params.filter((p): p is Param => p.in === 'query'),
        pathParams: params.filter((p): p is Param => p.in === 'path'),
        body: contentType && content ? { contentType, schema: resolve(content.schema) } : null,
      });
    }
  }
  cached = ops;
  return ops;
}

/** The path with each {param} replaced. */
export function fillPath(op: Operation, values: Record<string, string>): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${op.key}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** The collection a path parameter belongs to: the segment before it ("tickets" for /tickets/{id}). */
export function collectionOf(op: Operation, param: string): string {
  const segments = op.path.split('/');
  const index = segments.indexOf(`{${param}}`);
  return segments[index - 1] ?? '';
}
