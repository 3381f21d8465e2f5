import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../database/embedded-postgres.js';

export interface E2eServer {
  url: string;
  stop(): Promise<void>;
}

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../main.js');

/**
 * Runs the built CivicDesk exactly as `npm start` does (its own embedded PostgreSQL, demo data,
 * the built web app on the same port), in a throw-away data folder on a free port, for browser
 * tests. Build first (`npm run build`).
 */
export async function startE2eServer(options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicdesk-e2e-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL's unprivileged user must enter it
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--enable-source-maps', MAIN], {
    env: {
      ...process.env,
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: url,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DEMO_DATA: 'true',
      SCHEDULER_ENABLED: options.env?.SCHEDULER_ENABLED ?? 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, options.timeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw new Error(`CivicDesk did not become ready: ${(error as Error).message}\n${output}`, { cause: error });
  }
  return { url, stop };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}
