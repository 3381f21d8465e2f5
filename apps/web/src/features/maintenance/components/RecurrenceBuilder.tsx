import { Alert, Button, Checkbox, Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { monthName, weekdayName } from './date-words';
import {
  ANY_WEEKDAY,
  defaultParts,
  FREQUENCIES,
  LAST_DAY,
  partsFromRule,
  POSITIONS,
  ruleFromParts,
  WEEKDAYS,
  type Frequency,
  type PositionDay,
  type RecurrenceParts,
} from './recurrence-rule';
import { WholeNumberInput } from './WholeNumberInput';

const FREQUENCY_WORDS: Record<Frequency, { label: string; unit: string }> = {
  daily: { label: 'Daily', unit: 'days' },
  weekly: { label: 'Weekly', unit: 'weeks' },
  monthly: { label: 'Monthly', unit: 'months' },
  yearly: { label: 'Yearly', unit: 'years' },
};

const FREQUENCY_OPTIONS = FREQUENCIES.map((value) => ({ value, label: FREQUENCY_WORDS[value].label }));
const WEEKDAY_OPTIONS = WEEKDAYS.map((value, index) => ({ value, label: weekdayName(index) }));
const POSITION_OPTIONS = POSITIONS.map((value) => ({
  value,
  label: value === -1 ? 'last' : `${value}${['st', 'nd', 'rd', 'th'][value - 1]}`,
}));
const POSITION_DAY_OPTIONS: { value: PositionDay; label: string }[] = [
  { value: ANY_WEEKDAY, label: 'weekday (Mon–Fri)' },
  ...WEEKDAY_OPTIONS,
];
const MONTH_DAY_OPTIONS = [
  ...Array.from({ length: 31 }, (_, index) => ({ value: index + 1, label: String(index + 1) })),
  { value: LAST_DAY, label: 'Last day' },
];
const MONTH_OPTIONS = Array.from({ length: 12 }, (_, index) => ({ value: index + 1, label: monthName(index + 1) }));

interface RecurrenceBuilderProps {
  /** The RRULE, the one source of truth: the builder shows what it says and writes a new one. */
  rule: string;
  onChange: (rule: string) => void;
  /** The plan's first day, for the choices a new rule starts from. */
  startsOn: string;
  /** The API's (or the form's) complaint about the rule. */
  error?: string;
}

/** Frequency, interval and days, written as an RRULE; the rule's text stays editable for what the builder cannot say. */
export function RecurrenceBuilder({ rule, onChange, startsOn, error }: RecurrenceBuilderProps) {
  const fallback = defaultParts(startsOn);
  const parts = partsFromRule(rule, fallback);
  const change = (changes: Partial<RecurrenceParts>) => onChange(ruleFromParts({ ...(parts ?? fallback), ...changes }));

  return (
    <Stack gap="sm">
      {parts ? (
        <RecurrenceChoices parts={parts} change={change} />
      ) : (
        <Alert color="gray" variant="light" title="A rule the builder cannot show">
          <Stack gap="xs" align="flex-start">
            The rule below is kept as written. Edit it there, or start again with the builder.
            <Button size="xs" variant="default" onClick={() => onChange(ruleFromParts(fallback))}>
              Use the builder
            </Button>
          </Stack>
        </Alert>
      )}
      <TextInput
        label="RRULE (advanced)"
        description="RFC 5545, without DTSTART or UNTIL: the first and last day are set above."
        value={rule}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        spellCheck={false}
        autoComplete="off"
        ff="monospace"
      />
    </Stack>
  );
}

interface ChoicesProps {
  parts: RecurrenceParts;
  change: (changes: Partial<RecurrenceParts>) => void;
}

function RecurrenceChoices({ parts, change }: ChoicesProps) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Repeats"
          data={FREQUENCY_OPTIONS}
          value={parts.frequency}
          onChange={(frequency) => frequency && change({ frequency })}
          allowDeselect={false}
        />
        <WholeNumberInput
          label={`Every (${FREQUENCY_WORDS[parts.frequency].unit})`}
          min={1}
          max={999}
          value={parts.interval}
          onChange={(value) => change({ interval: typeof value === 'number' && value >= 1 ? value : 1 })}
        />
      </SimpleGrid>
      {parts.frequency === 'weekly' ? <WeeklyChoices parts={parts} change={change} /> : null}
      {parts.frequency === 'monthly' ? <MonthlyChoices parts={parts} change={change} /> : null}
      {parts.frequency === 'yearly' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Month"
            data={MONTH_OPTIONS}
            value={parts.month}
            onChange={(month) => month && change({ month })}
            allowDeselect={false}
          />
          <MonthDaySelect label="Day" parts={parts} change={change} />
        </SimpleGrid>
      ) : null}
    </>
  );
}

function WeeklyChoices({ parts, change }: ChoicesProps) {
  return (
    <Checkbox.Group
      label="On"
      description={parts.weekdays.length === 0 ? 'None chosen: the first day’s weekday.' : undefined}
      value={parts.weekdays}
      onChange={(values) => change({ weekdays: WEEKDAYS.filter((code) => values.includes(code)) })}
    >
      <Group gap="md" mt={4}>
        {WEEKDAY_OPTIONS.map((day) => (
          <Checkbox key={day.value} value={day.value} label={day.label} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

function MonthlyChoices({ parts, change }: ChoicesProps) {
  return (
    <Radio.Group
      label="Each month on"
      value={parts.monthlyBy}
      onChange={(value) => change({ monthlyBy: value === 'position' ? 'position' : 'day' })}
    >
      <Stack gap="xs" mt={4}>
        <Group gap="sm" align="flex-end">
          <Radio value="day" label="a day of the month" />
          {parts.monthlyBy === 'day' ? <MonthDaySelect label="Day of the month" parts={parts} change={change} /> : null}
        </Group>
        <Group gap="sm" align="flex-end">
          <Radio value="position" label="the" />
          {parts.monthlyBy === 'position' ? (
            <>
              <Select
                label="Which"
                data={POSITION_OPTIONS}
                value={parts.position}
                onChange={(position) => position && change({ position })}
                allowDeselect={false}
                w={110}
              />
              <Select
                label="Day"
                data={POSITION_DAY_OPTIONS}
                value={parts.positionDay}
                onChange={(positionDay) => positionDay && change({ positionDay })}
                allowDeselect={false}
                w={200}
              />
            </>
          ) : null}
        </Group>
      </Stack>
    </Radio.Group>
  );
}

function MonthDaySelect({ label, parts, change }: ChoicesProps & { label: string }) {
  return (
    <Select
      label={label}
      description={parts.monthDay > 28 ? 'Months without this day are skipped.' : undefined}
      data={MONTH_DAY_OPTIONS}
      value={parts.monthDay}
      onChange={(monthDay) => monthDay && change({ monthDay })}
      allowDeselect={false}
      w={160}
    />
  );
}
