import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { initialScripts, measureInitialJs } from './web-bundle.js';

const HTML = `<!doctype html><html><head>
  <script type="module" crossorigin src="/assets/index-Dne9kFsc.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/client-C7E39goM.js">
  <link rel="stylesheet" crossorigin href="/assets/index-B1.css">
  <link rel="icon" href="/favicon.svg">
  <script src="/legacy-not-a-module.js"></script>
</head><body><div id="root"></div></body></html>`;

describe('initialScripts', () => {
  it('takes the entry module and the modules it preloads, not styles, icons or classic scripts', () => {
    expect(initialScripts(HTML)).toEqual(['/assets/index-Dne9kFsc.js', '/assets/client-C7E39goM.js']);
  });
});

describe('measureInitialJs', () => {
  it('adds up the gzipped sizes of the initial scripts', () => {
    const dist = mkdtempSync(join(tmpdir(), 'civicdesk-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), HTML);
    const entry = 'console.log("entry");'.repeat(400);
    const client = 'export const x = 1;'.repeat(900);
    writeFileSync(join(dist, 'assets/index-Dne9kFsc.js'), entry);
    writeFileSync(join(dist, 'assets/client-C7E39goM.js'), client);
    const size = measureInitialJs(dist)!;
    const expected = gzipSync(entry, { level: 9 }).length + gzipSync(client, { level: 9 }).length;
    expect(size.files.map((f) => f.path)).toEqual(['/assets/index-Dne9kFsc.js', '/assets/client-C7E39goM.js']);
    expect(size.gzipKb).toBe(Math.round((expected / 1024) * 10) / 10);
  });

  it('says nothing when the web app is not built', () => {
    expect(measureInitialJs(join(tmpdir(), 'no-such-dist'))).toBeNull();
  });
});
