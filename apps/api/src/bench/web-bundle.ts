import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a browser loads before the web app first renders: the entry module the built
 * index.html names and every module it preloads (Vite lists the entry's static imports as
 * `modulepreload` links; routes split into lazy chunks are not among them).
 */
export function initialScripts(indexHtml: string): string[] {
  const found = new Set<string>();
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = /^<script\b/.test(tag) && /\btype="module"/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
    const src = /\b(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && src) found.add(src);
  }
  return [...found];
}

export interface WebBundleSize {
  files: { path: string; bytes: number; gzipBytes: number }[];
  gzipKb: number;
}

/** Sizes of the initial scripts in a built web app folder (gzip level 9), or null when it is not built. */
export function measureInitialJs(distDir: string): WebBundleSize | null {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return null;
  const files = initialScripts(readFileSync(index, 'utf8')).map((path) => {
    const content = readFileSync(join(distDir, path.replace(/^\//, '')));
    return { path, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files, gzipKb: Math.round((total / 1024) * 10) / 10 };
}
