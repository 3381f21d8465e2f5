import { NumberInput, type NumberInputProps } from '@mantine/core';
import { wholeNumberIn } from '../../lib/forms/whole-number';
import { formatWorkMinutes } from '../../lib/time/durations';

interface MinutesInputProps extends NumberInputProps {
  /** Said under the field until a number is typed. */
  hint?: string;
  /** The typed minutes in hours and minutes, said under the field ("= 1 h 15 min"). */
  inWords?: (minutes: number) => string;
}

/** A duration in whole minutes, with what the number comes to in hours under it. */
export function MinutesInput({ value, hint, inWords = formatWorkMinutes, min = 1, ...props }: MinutesInputProps) {
  const minutes = wholeNumberIn(value, 1);
  return (
    <NumberInput
      {...props}
      value={value}
      description={minutes !== null ? `= ${inWords(minutes)}` : hint}
      min={min}
      allowDecimal={false}
      allowNegative={false}
      rightSection="min"
      rightSectionWidth={44}
    />
  );
}
