import { Button, Checkbox, CloseButton, Fieldset, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { newEscalation, type SlaPolicyValues } from './sla-policy-form';
import { actionLabel, ESCALATION_ACTIONS, SLA_TARGETS, targetLabel } from './sla-policy-words';

const TARGET_OPTIONS = SLA_TARGETS.map((target) => ({ value: target, label: targetLabel(target) }));

/** Escalation levels: at a share of a target's minutes, do these things (once per ticket). */
export function EscalationLevelsEditor({ form }: { form: UseFormReturnType<SlaPolicyValues> }) {
  const apiError = form.errors.escalations;
  return (
    <Fieldset legend="Escalation levels" variant="filled">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          Each level fires once per ticket when the share of its target’s business minutes has run, e.g. 75 %, 100 % and 150 %.
        </Text>
        {form.values.escalations.length === 0 ? (
          <Text size="sm" c="dimmed">
            No escalations.
          </Text>
        ) : null}
        {form.values.escalations.map((escalation, index) => {
          const name = `Escalation ${index + 1}`;
          const path = `escalations.${index}`;
          return (
            <Paper key={index} withBorder p="xs" role="group" aria-label={name}>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <Select
                  label="Target"
                  data={TARGET_OPTIONS}
                  allowDeselect={false}
                  w={160}
                  {...form.getInputProps(`${path}.target`)}
                />
                <NumberInput
                  label="Share of target"
                  min={1}
                  max={1000}
                  allowDecimal={false}
                  rightSection="%"
                  w={130}
                  {...form.getInputProps(`${path}.percent`)}
                />
                <NumberInput
                  label="Level"
                  min={1}
                  max={100}
                  allowDecimal={false}
                  w={80}
                  {...form.getInputProps(`${path}.level`)}
                />
                <Checkbox.Group label="Actions" style={{ flex: 1 }} miw={220} {...form.getInputProps(`${path}.actions`)}>
                  <Group gap="sm" mt={6}>
                    {ESCALATION_ACTIONS.map((action) => (
                      <Checkbox key={action} value={action} label={actionLabel(action)} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <CloseButton
                  mt={24}
                  aria-label={`Remove level ${escalation.level} of ${targetLabel(escalation.target).toLowerCase()}`}
                  onClick={() => form.removeListItem('escalations', index)}
                />
              </Group>
            </Paper>
          );
        })}
        {apiError ? (
          <Text size="sm" c="red" role="alert">
            {apiError}
          </Text>
        ) : null}
        <Group>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => form.insertListItem('escalations', newEscalation(form.values))}
          >
            Add escalation level
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
