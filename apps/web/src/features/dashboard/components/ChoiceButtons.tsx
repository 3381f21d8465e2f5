import { Button } from '@mantine/core';

interface ChoiceButtonsProps<V extends string> {
  /** Names the choice for screen readers: "Show spend as". */
  label: string;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
}

/**
 * A small set of pressed/unpressed buttons for one choice (chart or table, a unit). Plain buttons:
 * a page of panels holds many of these, and a segmented control measures itself on every render.
 */
export function ChoiceButtons<V extends string>({ label, options, value, onChange }: ChoiceButtonsProps<V>) {
  return (
    <Button.Group aria-label={label}>
      {options.map((option) => (
        <Button
          key={option.value}
          size="compact-xs"
          variant={option.value === value ? 'filled' : 'default'}
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </Button>
      ))}
    </Button.Group>
  );
}
