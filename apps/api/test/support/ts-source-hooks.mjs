// Module hooks that let a child process run the API's TypeScript source the way the tests run it:
// each .ts file is compiled on load by @swc/core with jest's own options (decorator metadata
// included), ".js" specifiers of TypeScript files find the .ts file, and @civicdesk/sla is its
// source, so nothing needs building first and the process runs exactly the code under test.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from '@swc/core';
import jestConfig from '../../jest.config.js';

const [, swcOptions] = jestConfig.transform['^.+\\.ts$'];
const SLA_SOURCE = new URL('../../../../libs/sla/src/index.ts', import.meta.url).href;

export function resolve(specifier, context, nextResolve) {
  if (specifier === '@civicdesk/sla') return { url: SLA_SOURCE, shortCircuit: true };
  const parent = context.parentURL;
  if (parent?.startsWith('file:') && parent.endsWith('.ts') && /^\.\.?\/.*\.js$/.test(specifier)) {
    const source = new URL(`${specifier.slice(0, -'.js'.length)}.ts`, parent);
    if (existsSync(fileURLToPath(source))) return { url: source.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const { code } = await transform(await readFile(filename, 'utf8'), { ...swcOptions, filename });
  return { format: 'module', source: code, shortCircuit: true };
}
