import { describe, expect, it } from '@jest/globals';
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { chooseOption } from '../testing/choose-option';
import { RecurrenceBuilder } from './RecurrenceBuilder';

/** The builder with its rule kept in state, as the plan form keeps it. */
function Harness({ initial }: { initial: string }) {
  const [rule, setRule] = useState(initial);
  return <RecurrenceBuilder rule={rule} onChange={setRule} startsOn="2026-03-10" />;
}

function renderBuilder(initial: string) {
  render(
    <MantineProvider env="test">
      <Harness initial={initial} />
    </MantineProvider>,
  );
  return userEvent.setup();
}

const ruleField = () => screen.getByRole('textbox', { name: /RRULE/ });

async function setEvery(user: UserEvent, value: string) {
  const every = screen.getByRole('textbox', { name: /^Every/ });
  await user.clear(every);
  await user.type(every, value);
}

describe(RecurrenceBuilder.name, () => {
  it('writes "every 2nd Tuesday" of the month', async () => {
    const user = renderBuilder('FREQ=MONTHLY;BYMONTHDAY=10');

    await user.click(screen.getByRole('radio', { name: 'the' }));
    await chooseOption(user, 'Which', '2nd');
    await chooseOption(user, 'Day', 'Tuesday');

    expect(ruleField()).toHaveValue('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2');
  });

  it('writes "the first weekday of each quarter"', async () => {
    const user = renderBuilder('FREQ=MONTHLY;BYMONTHDAY=10');

    await setEvery(user, '3');
    await user.click(screen.getByRole('radio', { name: 'the' }));
    await chooseOption(user, 'Which', '1st');
    await chooseOption(user, 'Day', 'weekday (Mon–Fri)');

    expect(ruleField()).toHaveValue('FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1');
  });

  it('writes "every 6 months" on a day of the month', async () => {
    const user = renderBuilder('FREQ=WEEKLY;BYDAY=TU');

    await chooseOption(user, 'Repeats', 'Monthly');
    await setEvery(user, '6');
    await chooseOption(user, 'Day of the month', '1');

    expect(ruleField()).toHaveValue('FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=1');
  });

  it('writes weekly days in RFC order, whichever is ticked first', async () => {
    const user = renderBuilder('FREQ=WEEKLY;BYDAY=TU');

    await user.click(screen.getByRole('checkbox', { name: 'Friday' }));
    await user.click(screen.getByRole('checkbox', { name: 'Monday' }));
    await user.click(screen.getByRole('checkbox', { name: 'Tuesday' }));

    expect(ruleField()).toHaveValue('FREQ=WEEKLY;BYDAY=MO,FR');
  });

  it('shows an existing rule in the builder', () => {
    renderBuilder('FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1');

    expect(screen.getByRole('combobox', { name: 'Repeats' })).toHaveValue('Monthly');
    expect(screen.getByRole('textbox', { name: 'Every (months)' })).toHaveValue('3');
    expect(screen.getByRole('radio', { name: 'the' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Which' })).toHaveValue('1st');
    expect(screen.getByRole('combobox', { name: 'Day' })).toHaveValue('weekday (Mon–Fri)');
  });

  it('shows a yearly rule as its month and day', () => {
    renderBuilder('FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1');

    expect(screen.getByRole('combobox', { name: 'Repeats' })).toHaveValue('Yearly');
    expect(screen.getByRole('combobox', { name: 'Month' })).toHaveValue('July');
    expect(screen.getByRole('combobox', { name: 'Day' })).toHaveValue('1');
  });

  it('keeps a rule it cannot show as text, and picks the builder up again from the text', async () => {
    const user = renderBuilder('FREQ=DAILY;COUNT=3');

    const notice = screen.getByRole('alert');
    expect(notice).toHaveTextContent('A rule the builder cannot show');
    expect(screen.queryByRole('combobox', { name: 'Repeats' })).not.toBeInTheDocument();

    await user.clear(ruleField());
    await user.type(ruleField(), 'FREQ=WEEKLY;BYDAY=MO');

    expect(screen.getByRole('combobox', { name: 'Repeats' })).toHaveValue('Weekly');
    expect(screen.getByRole('checkbox', { name: 'Monday' })).toBeChecked();
    expect(within(screen.getByRole('group', { name: 'On' })).getAllByRole('checkbox', { checked: true })).toHaveLength(1);
  });
});
