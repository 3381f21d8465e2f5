const MINUTE = 60_000;

/**
 * "45 min", "2 h 10 min", "3 d 4 h": whole minutes, largest two units. Business time is counted
 * without days (`{ days: false }`: "27 h 5 min"), since a business day is not 24 hours.
 */
export function formatMinutes(totalMinutes: number, { days: inDays = true }: { days?: boolean } = {}): string {
  if (totalMinutes < 1) return 'under 1 min';
  const days = inDays ? Math.floor(totalMinutes / (24 * 60)) : 0;
  const hours = Math.floor((totalMinutes - days * 24 * 60) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

export interface DueCountdown {
  text: string;
  overdue: boolean;
}

/** "due in 2 h 10 min" or "overdue by 15 min", from a due time and the current time. */
export function dueCountdown(dueAt: string, now: number): DueCountdown {
  const difference = Date.parse(dueAt) - now;
  const minutes = Math.floor(Math.abs(difference) / MINUTE);
  if (difference >= 0) return { text: `due in ${formatMinutes(minutes)}`, overdue: false };
  return { text: `overdue by ${formatMinutes(minutes)}`, overdue: true };
}
