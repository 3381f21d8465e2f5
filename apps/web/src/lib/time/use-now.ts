import { useEffect, useState } from 'react';

/** Countdowns count whole minutes; twice a minute keeps them right without busy re-rendering. */
export const COUNTDOWN_TICK_MS = 30_000;

/**
 * The current time in epoch milliseconds, updated every `intervalMs`. Call it once per page and
 * pass the value down, so a list of countdowns shares one timer instead of one per row.
 */
export function useNow(intervalMs = COUNTDOWN_TICK_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
