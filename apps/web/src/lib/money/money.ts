/**
 * Money is integer cents everywhere (API, forms, totals); it becomes dollars only in words, here.
 * Cents are split off as integers and typed dollars are read digit by digit, so no float ever
 * rounds an amount.
 */

const wholeDollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

function split(cents: number): { sign: string; whole: number; rest: string } {
  const abs = Math.abs(cents);
  return { sign: cents < 0 ? '-' : '', whole: Math.floor(abs / 100), rest: String(abs % 100).padStart(2, '0') };
}

/** "$1,299.50" from 129950. */
export function formatCents(cents: number): string {
  const { sign, whole, rest } = split(cents);
  return `${sign}${wholeDollars.format(whole)}.${rest}`;
}

/** "$85.00/h": an hourly rate. */
export function formatHourlyRate(cents: number): string {
  return `${formatCents(cents)}/h`;
}

/** Cents as a form shows them for editing: 129950 → "1299.50". */
export function centsToDollarsText(cents: number): string {
  const { sign, whole, rest } = split(cents);
  return `${sign}${whole}.${rest}`;
}

const DOLLARS = /^(\d+)(?:\.(\d{0,2}))?$/;

/**
 * Integer cents from dollars as typed ("1,234.5", "$12", 45.99); null when it is not an amount
 * of dollars and cents (empty, negative, more than two decimals).
 */
export function dollarsToCents(value: string | number): number | null {
  const text = String(value).trim().replace(/^\$/, '').replaceAll(',', '');
  const match = DOLLARS.exec(text);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** "$1,300" from 129950: whole dollars, for totals and report figures. */
export function formatDollars(cents: number): string {
  return wholeDollars.format(Math.round(cents / 100));
}

const compactDollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});

/** "$12.5K", "$1.2M": an amount on a chart axis. */
export function formatCompactDollars(cents: number): string {
  return compactDollars.format(Math.round(cents / 100));
}
