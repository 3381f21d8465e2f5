import { NumberInput, type NumberInputProps } from '@mantine/core';
import { wholePositive } from './sla-policy-form';
import { formatBusinessMinutes } from './sla-policy-words';

/** A target in business minutes, with what the number means in hours under it ("= 4 business hours"). */
export function BusinessMinutesInput({ value, hint, ...props }: NumberInputProps & { hint: string }) {
  const minutes = value === undefined ? null : wholePositive(value);
  return (
    <NumberInput
      {...props}
      value={value}
      description={minutes !== null ? `= ${formatBusinessMinutes(minutes)}` : hint}
      min={1}
      allowDecimal={false}
      allowNegative={false}
      rightSection="min"
      rightSectionWidth={44}
    />
  );
}
