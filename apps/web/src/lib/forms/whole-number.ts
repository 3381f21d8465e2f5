/** A number field's value when it is a whole number from `min` to `max`; null when empty, partial or out of range. */
export function wholeNumberIn(value: unknown, min: number, max = Number.POSITIVE_INFINITY): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}
