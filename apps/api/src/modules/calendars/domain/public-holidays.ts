import Holidays from 'date-holidays';
import type { HolidayInput } from './holiday-ics.js';

/** Whether date-holidays knows the country, and the state when one is given. */
export function knownRegion(country: string, state?: string): { country: boolean; state: boolean } {
  const known = new Holidays();
  const countryKnown = Boolean(known.getCountries()[country]);
  return { country: countryKnown, state: !state || (countryKnown && Boolean(known.getStates(country)?.[state])) };
}

/**
 * A country's (and state's) public holidays over a range of years, from the maintained
 * date-holidays package, which already moves them to the day observed (a Saturday July 4th gives
 * a Friday "substitute day"). Observances that are not days off are left out.
 */
export function publicHolidays(country: string, state: string | undefined, fromYear: number, toYear: number): HolidayInput[] {
  const source = state ? new Holidays(country, state) : new Holidays(country);
  const holidays: HolidayInput[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const h of source.getHolidays(year)) {
      if (h.type === 'public') holidays.push({ date: h.date.slice(0, 10), name: h.name, yearly: false, observed: false });
    }
  }
  return holidays;
}
