import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from '../time/calendar-date.js';

/** The largest PostgreSQL integer: a larger number (a version, say) names nothing and must not reach a query, where it is a 500. */
export const MAX_DB_INTEGER = 2_147_483_647;

/** class-validator decorator: the value is a real calendar date 'YYYY-MM-DD'. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isCalendarDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a real calendar date YYYY-MM-DD`,
      },
    },
    options,
  );
}

/**
 * The field may be left out, but when present it is validated, null included. `@IsOptional()`
 * would let `null` through to a NOT NULL column (a 500 instead of a 400 naming the field).
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined);
}

/** The field may be left out or null (it clears the value); anything else is validated. */
export function IsNullable(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined && value !== null);
}
