import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jest } from '@jest/globals';

const APP_DIR = resolve(__dirname, '../src/app');
const ROUTES_FILE = resolve(APP_DIR, 'routes.tsx');

/** Where routes.tsx imports `name` from. */
function importSource(source: string, name: string): string {
  const match = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*'([^']+)'`).exec(source);
  if (!match?.[1]) throw new Error(`routes.tsx uses ${name}, imported from nowhere this reader understands`);
  return match[1];
}

/** The module routes.tsx imports `name` from, loaded as the app has it (Jest compiles the TypeScript). */
function imported<T>(source: string, name: string): T {
  const module = jest.requireActual<Record<string, unknown>>(resolve(APP_DIR, importSource(source, name)));
  if (!(name in module)) throw new Error(`${importSource(source, name)} exports no ${name}`);
  return module[name] as T;
}

/**
 * Every route pattern the app mounts ("/tickets/:number", "*", "/" for the index route), read from
 * routes.tsx and resolved against the path constants and route lists it imports, so a screen added
 * there is a screen this suite must visit. Anything the reader cannot resolve fails loudly.
 */
export function appRoutePatterns(): string[] {
  const source = readFileSync(ROUTES_FILE, 'utf8');
  const patterns = new Set<string>();
  const constant = (object: string, key: string) => {
    const value = imported<Record<string, unknown>>(source, object)[key];
    if (typeof value !== 'string') throw new Error(`routes.tsx mounts ${object}.${key}, which is not a path`);
    return value;
  };

  // guarded(PATHS.x, …) mounts a constant; guarded(route.path, …) the routes of a spread feature list.
  for (const [, argument] of source.matchAll(/\bguarded\(\s*([\w.]+)\s*,/g)) {
    const [object, key] = argument!.split('.');
    if (argument === 'route.path') continue;
    if (!object || !key || !/^[A-Z_]+$/.test(object)) {
      throw new Error(`routes.tsx mounts guarded(${argument}, …), which app-routes.ts cannot read: teach it`);
    }
    patterns.add(constant(object, key));
  }
  for (const [, object, key] of source.matchAll(/\bpath:\s*([A-Z_]+)\.(\w+)/g)) patterns.add(constant(object!, key!));
  for (const [, literal] of source.matchAll(/\bpath:\s*'([^']*)'/g)) patterns.add(literal!);
  if (/\bindex:\s*true/.test(source)) patterns.add('/');
  for (const [, list] of source.matchAll(/\.\.\.(\w+)\.map\(/g)) {
    for (const route of imported<readonly { path: string }[]>(source, list!)) patterns.add(route.path);
  }
  return [...patterns].sort();
}
