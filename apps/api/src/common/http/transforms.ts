/** class-transformer helpers for DTOs: normalise strings before validation, convert query strings. */
type TransformArgs = { value: unknown };

export const trim = ({ value }: TransformArgs): unknown => (typeof value === 'string' ? value.trim() : value);

/** Optional text fields: trimmed, and an empty string (a cleared form field) means null. */
export const trimToNull = ({ value }: TransformArgs): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

export const trimLower = ({ value }: TransformArgs): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** Query strings are text: "true"/"false" become booleans, anything else is left for @IsBoolean to refuse. */
export const queryBoolean = ({ value }: TransformArgs): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Digits become a number; anything else is left for @IsInt to refuse. */
export const queryInt = ({ value }: TransformArgs): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
