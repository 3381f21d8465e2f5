import type { ApiProcess } from './api-process.js';

/**
 * Runs a step of a multi-process test; when it fails, the error carries the last lines each
 * server logged (a 500 or a failed job says why only there).
 */
export async function withServerLogs<T>(servers: () => readonly (ApiProcess | undefined)[], step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const logs = servers()
      .filter((s): s is ApiProcess => s !== undefined)
      .map((s) => `--- last lines logged by ${s.name} ---\n${s.log.trimEnd().split('\n').slice(-8).join('\n')}`);
    if (error instanceof Error) error.message = [error.message, ...logs].join('\n');
    throw error;
  }
}
