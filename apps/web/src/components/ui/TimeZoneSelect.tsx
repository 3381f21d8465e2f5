import { Select, type SelectProps } from '@mantine/core';

/** Every IANA zone the browser knows; UTC is not among them, so it is added first. */
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone')];

/** The browser's own zone, a sensible default for something new. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A searchable choice of IANA time zone ("America/New_York"); a value the browser does not list stays choosable. */
export function TimeZoneSelect(props: Omit<SelectProps, 'data' | 'searchable'>) {
  const data = props.value && !TIME_ZONES.includes(props.value) ? [props.value, ...TIME_ZONES] : TIME_ZONES;
  return <Select {...props} data={data} searchable nothingFoundMessage="No time zone matches" />;
}
