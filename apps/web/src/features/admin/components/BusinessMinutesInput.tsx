import type { NumberInputProps } from '@mantine/core';
import { MinutesInput } from '../../../components/ui/MinutesInput';
import { formatBusinessMinutes } from './sla-policy-words';

/** A target in business minutes, with what the number means in hours under it ("= 4 business hours"). */
export function BusinessMinutesInput(props: NumberInputProps & { hint: string }) {
  return <MinutesInput {...props} inWords={formatBusinessMinutes} />;
}
