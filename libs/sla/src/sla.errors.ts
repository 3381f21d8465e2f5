/**
 * Every error this library raises on purpose carries a code, so a caller (the API's exception
 * filter) can map it without parsing messages.
 */
export type SlaErrorCode =
  /** The calendar is malformed: bad time zone, bad or overlapping windows, bad holiday dates. */
  | 'invalid_calendar'
  /** The calendar has no business time at all, so no business instant or due time exists. */
  | 'no_business_time'
  /** A bad argument: an invalid Date, negative or fractional minutes, a bad policy or event list. */
  | 'invalid_argument';

export class SlaError extends Error {
  constructor(
    readonly code: SlaErrorCode,
    message: string,
    /** The individual problems, for `invalid_calendar`. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'SlaError';
  }
}
