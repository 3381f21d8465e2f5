import { NumberInput, type NumberInputProps } from '@mantine/core';

/** The API keeps an asset's replacement cycle within these whole years. */
export const LIFECYCLE_YEARS_MIN = 1;
export const LIFECYCLE_YEARS_MAX = 50;

/** An asset's (or an asset type's) replacement cycle, in whole years. */
export function LifecycleYearsInput(props: NumberInputProps) {
  return (
    <NumberInput
      min={LIFECYCLE_YEARS_MIN}
      max={LIFECYCLE_YEARS_MAX}
      allowDecimal={false}
      allowNegative={false}
      rightSection="years"
      rightSectionWidth={52}
      {...props}
    />
  );
}
