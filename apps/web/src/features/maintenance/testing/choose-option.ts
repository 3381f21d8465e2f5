import { within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/**
 * Opens a select by its label and clicks one of its options. The option is looked up in that
 * select's own list: a page with a time zone picker holds hundreds of options.
 */
export async function chooseOption(
  user: UserEvent,
  label: string | RegExp,
  option: string,
  container: HTMLElement = document.body,
) {
  const select = within(container).getByRole('combobox', { name: label });
  await user.click(select);
  const list = document.getElementById(select.getAttribute('aria-controls') ?? '');
  if (!list) throw new Error(`The select "${String(label)}" has no open list`);
  await user.click(await within(list).findByRole('option', { name: option }));
}
