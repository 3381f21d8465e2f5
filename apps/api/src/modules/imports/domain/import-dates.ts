import { DateTime, Info } from 'luxon';

/** The dateFormat that reads ISO 8601 (`2016-02-29T13:45`, with or without an offset). */
export const ISO_DATE_FORMAT = 'ISO';
const MAX_FORMAT_LENGTH = 64;
/** An offset or zone token outside quoted text: such times carry their own offset. */
const OFFSET_TOKEN = /^(?:[^']|'[^']*')*?[Zz]/;
const ISO_OFFSET = /(?:[+-]\d\d(?::?\d\d)?|Z)$/i;

export function isKnownTimeZone(zone: string): boolean {
  return Info.isValidIANAZone(zone);
}

/**
 * Why a date format cannot read dates, or null when it can. A format is accepted when a known
 * date written with it reads back as the same day (and the same time, or midnight for a format
 * without one): that refuses patterns without a year, month or day, and stray letters.
 */
export function dateFormatProblem(format: string): string | null {
  if (format === ISO_DATE_FORMAT) return null;
  if (format.trim() === '' || format.length > MAX_FORMAT_LENGTH) {
    return `give a date pattern such as d/M/yyyy H:mm (at most ${MAX_FORMAT_LENGTH} characters), or ISO`;
  }
  const sample = DateTime.fromObject({ year: 2016, month: 2, day: 29, hour: 13, minute: 45 }, { zone: 'UTC' });
  let back: DateTime;
  try {
    back = DateTime.fromFormat(sample.toFormat(format), format, { zone: 'UTC' });
  } catch (error) {
    // luxon throws for patterns it cannot read at all ("Can't mix ordinal dates with month/day").
    return `"${format}" is not a date pattern luxon can read: ${error instanceof Error ? error.message : String(error)}`;
  }
  const sameDay = back.isValid && back.year === 2016 && back.month === 2 && back.day === 29;
  const sameTime = back.isValid && ((back.hour === 13 && back.minute === 45) || (back.hour === 0 && back.minute === 0));
  return sameDay && sameTime ? null : `"${format}" does not read a date with a year, month and day (e.g. d/M/yyyy H:mm)`;
}

export type ParsedDate = { at: Date } | { problem: string };

/**
 * Reads a file's times in its format and time zone (luxon). A local time that does not exist in
 * the zone (skipped when clocks go forward) is refused rather than moved; an ambiguous one (when
 * clocks go back) is read as luxon does, in standard time (the later of the two). Results are cached: an export repeats its times.
 */
export function dateReader(format: string, zone: string): (text: string) => ParsedDate {
  const iso = format === ISO_DATE_FORMAT;
  const parser = iso ? null : DateTime.buildFormatParser(format);
  const ownOffset = !iso && OFFSET_TOKEN.test(format);
  const read = (text: string, in_: string) =>
    parser ? DateTime.fromFormatParser(text, parser, { zone: in_ }) : DateTime.fromISO(text, { zone: in_ });
  const cache = new Map<string, ParsedDate>();
  return (text) => {
    let parsed = cache.get(text);
    if (parsed) return parsed;
    const at = read(text, zone);
    if (!at.isValid) {
      parsed = { problem: `not a date in the format ${iso ? 'ISO 8601' : format}` };
    } else if (!ownOffset && !(iso && ISO_OFFSET.test(text)) && !sameWallClock(at, read(text, 'UTC'))) {
      parsed = { problem: `this local time does not exist in ${zone} (clocks moved forward)` };
    } else {
      parsed = { at: at.toJSDate() };
    }
    if (cache.size < 100_000) cache.set(text, parsed);
    return parsed;
  };
}

function sameWallClock(zoned: DateTime, wall: DateTime): boolean {
  return zoned.hour === wall.hour && zoned.minute === wall.minute && zoned.day === wall.day;
}

/** The calendar date 'YYYY-MM-DD' of an instant in a zone. */
export function dateIn(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}
