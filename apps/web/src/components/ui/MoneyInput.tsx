import { NumberInput, type NumberInputProps } from '@mantine/core';

/**
 * An amount in dollars and cents, as typed ("1,234.50"). Read it with dollarsToCents (lib/money),
 * which turns the typed digits into integer cents without floating-point rounding.
 */
export function MoneyInput(props: NumberInputProps) {
  return <NumberInput prefix="$" min={0} decimalScale={2} thousandSeparator="," allowNegative={false} {...props} />;
}
