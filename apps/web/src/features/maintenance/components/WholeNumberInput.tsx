import { NumberInput, type NumberInputProps } from '@mantine/core';

/** Days, minutes, counts: whole and not negative. */
export function WholeNumberInput(props: NumberInputProps) {
  return <NumberInput allowDecimal={false} allowNegative={false} {...props} />;
}
