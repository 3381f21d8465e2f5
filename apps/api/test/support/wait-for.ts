import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polls until a condition holds (the probe returns something other than undefined or false) and
 * returns what the probe returned; fails after `timeoutMs` naming what it waited for. For real
 * processes coming and going (a server back up, a job run recorded), never for app time to pass:
 * the app's clock is injected.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
    }
    await delay(100);
  }
}
