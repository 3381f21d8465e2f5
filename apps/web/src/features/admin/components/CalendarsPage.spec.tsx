import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { aCalendar, aHoliday, aMe } from '../../../testing/fixtures';
import { apiError, createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { CalendarsPage } from './CalendarsPage';

const cityHours = aCalendar({ name: 'City office hours', systemKey: 'city_office_hours', departments: 3 });
const library = aCalendar({
  name: 'Library hours',
  windows: [
    { day: 1, start: '09:00', end: '20:00' },
    { day: 6, start: '10:00', end: '17:00' },
  ],
  holidays: [aHoliday({ name: 'Independence Day', date: '2026-07-03', observed: true })],
});

function adminNetwork(calendars = [cityHours, library]) {
  const network = createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
    'GET /api/calendars': json(200, { items: calendars }),
  });
  for (const calendar of calendars) network.on(`GET /api/calendars/${calendar.id}`, json(200, calendar));
  return network;
}

const row = async (name: string) => (await screen.findByText(name)).closest('tr') as HTMLElement;

describe(CalendarsPage.name, () => {
  it('lists calendars with their zone, hours in words and holidays; the built-in one cannot be deleted', async () => {
    renderApp('/admin/calendars', adminNetwork());

    const city = await row('City office hours');
    expect(within(city).getByText('Built-in')).toBeInTheDocument();
    expect(within(city).getByText('Mon–Fri 08:00–17:00')).toBeInTheDocument();
    expect(within(city).getByText('3 departments')).toBeInTheDocument();
    expect(within(city).queryByRole('button', { name: 'Delete City office hours' })).not.toBeInTheDocument();
    const lib = await row('Library hours');
    expect(within(lib).getByText('Mon 09:00–20:00; Sat 10:00–17:00')).toBeInTheDocument();
    expect(within(lib).getByText('1 holiday')).toBeInTheDocument();
    expect(within(lib).getByRole('button', { name: 'Delete Library hours' })).toBeInTheDocument();
  });

  it('edits the weekly hours: a lunch break on Monday, copied to the other weekdays', async () => {
    const network = adminNetwork();
    network.on(`PATCH /api/calendars/${cityHours.id}`, (request) => json(200, { ...cityHours, ...(request.body as object) }));
    const { user } = renderApp('/admin/calendars', network);

    await user.click(await screen.findByRole('button', { name: 'Edit City office hours' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit City office hours' });
    const mondayEnd = within(dialog).getByRole('textbox', { name: 'Monday hours 1 to' });
    await user.clear(mondayEnd);
    await user.type(mondayEnd, '12:00');
    await user.click(within(dialog).getByRole('button', { name: 'Add hours on Monday' }));
    const secondStart = within(dialog).getByRole('textbox', { name: 'Monday hours 2 from' });
    const secondEnd = within(dialog).getByRole('textbox', { name: 'Monday hours 2 to' });
    expect(secondStart).toHaveValue('12:00');
    await user.clear(secondStart);
    await user.type(secondStart, '13:00');
    await user.clear(secondEnd);
    await user.type(secondEnd, '17:00');
    await user.click(within(dialog).getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }));
    expect(within(dialog).getByRole('textbox', { name: 'Friday hours 2 from' })).toHaveValue('13:00');
    await user.click(within(dialog).getByRole('button', { name: 'Remove Friday 13:00–17:00' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('City office hours was saved.')).toBeInTheDocument();
    const lunchBreak = (day: number) => [
      { day, start: '08:00', end: '12:00' },
      { day, start: '13:00', end: '17:00' },
    ];
    expect(network.calls(`PATCH /api/calendars/${cityHours.id}`).map((r) => r.body)).toEqual([
      {
        name: 'City office hours',
        timeZone: 'America/New_York',
        windows: [
          ...lunchBreak(1),
          ...lunchBreak(2),
          ...lunchBreak(3),
          ...lunchBreak(4),
          { day: 5, start: '08:00', end: '12:00' },
        ],
      },
    ]);
  });

  it('shows a window ending before it starts on that field, without asking the API', async () => {
    const network = adminNetwork();
    const { user } = renderApp('/admin/calendars', network);

    await user.click(await screen.findByRole('button', { name: 'Edit Library hours' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Library hours' });
    const saturdayEnd = within(dialog).getByRole('textbox', { name: 'Saturday hours 1 to' });
    await user.clear(saturdayEnd);
    await user.type(saturdayEnd, '09:00');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(saturdayEnd).toHaveAccessibleDescription('Must be after the start');
    expect(network.calls(`PATCH /api/calendars/${library.id}`)).toHaveLength(0);
  });

  it('shows the API’s errors on their fields: the name taken, the hours refused', async () => {
    const network = adminNetwork();
    network.on('POST /api/calendars', apiError(409, 'conflict', 'Another calendar has this name'));
    network.on(
      `PATCH /api/calendars/${library.id}`,
      apiError(400, 'validation_failed', 'Invalid input: windows', [
        { field: 'windows', messages: ['the calendar has no business hours: add at least one weekly window'] },
      ]),
    );
    const { user } = renderApp('/admin/calendars', network);

    await user.click(await screen.findByRole('button', { name: 'New calendar' }));
    let dialog = await screen.findByRole('dialog', { name: 'New calendar' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Library hours');
    await user.click(within(dialog).getByRole('button', { name: 'Create calendar' }));
    expect(within(dialog).getByRole('textbox', { name: /^Name/ })).toHaveAccessibleDescription('Another calendar has this name');
    expect(network.calls('POST /api/calendars')[0]?.body).toMatchObject({
      name: 'Library hours',
      windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '17:00' })),
    });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Edit Library hours' }));
    dialog = await screen.findByRole('dialog', { name: 'Edit Library hours' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const week = within(dialog).getByRole('group', { name: 'Weekly hours' });
    expect(
      await within(week).findByText('the calendar has no business hours: add at least one weekly window'),
    ).toBeInTheDocument();
  });

  it('imports holidays from an .ics file and says how many were added and skipped', async () => {
    const network = adminNetwork();
    network.on(`POST /api/calendars/${library.id}/holidays/import`, json(200, { added: 3, skipped: 1 }));
    const { user } = renderApp('/admin/calendars', network);

    await user.click(await screen.findByRole('button', { name: 'Holidays of Library hours' }));
    const dialog = await screen.findByRole('dialog', { name: 'Holidays of Library hours' });
    expect(within(dialog).getByRole('table', { name: 'Holidays' })).toHaveTextContent('Independence Day');
    expect(within(dialog).getByRole('link', { name: 'Export .ics' })).toHaveAttribute(
      'href',
      `/api/calendars/${library.id}/holidays.ics`,
    );
    const ics =
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    await user.upload(
      within(dialog).getByLabelText('iCalendar file to import'),
      new File([ics], 'holidays.ics', { type: 'text/calendar' }),
    );

    expect(await screen.findByText('3 holidays added, 1 skipped: the calendar already had that date.')).toBeInTheDocument();
    const [upload] = network.calls(`POST /api/calendars/${library.id}/holidays/import`);
    expect(upload?.body).toBe(ics);
    expect(upload?.headers.get('Content-Type')).toBe('text/calendar');
    // The holidays are listed afresh.
    await waitFor(() => expect(network.calls(`GET /api/calendars/${library.id}`)).toHaveLength(1));
  });

  it('deletes a holiday at once and lists the calendar afresh', async () => {
    const network = adminNetwork();
    const [independenceDay] = library.holidays;
    network.on(`DELETE /api/calendars/${library.id}/holidays/${independenceDay!.id}`, () => {
      network.on(`GET /api/calendars/${library.id}`, json(200, { ...library, holidays: [] }));
      return json(204);
    });
    const { user } = renderApp('/admin/calendars', network);

    await user.click(await screen.findByRole('button', { name: 'Holidays of Library hours' }));
    const dialog = await screen.findByRole('dialog', { name: 'Holidays of Library hours' });
    await user.click(within(dialog).getByRole('button', { name: /^Delete Independence Day/ }));

    expect(await screen.findByText('Independence Day was deleted.')).toBeInTheDocument();
    expect(await within(dialog).findByText(/^No holidays yet/)).toBeInTheDocument();
  });

  it('adds a yearly holiday observed on a weekday, and loads a state’s public holidays', async () => {
    const network = adminNetwork();
    network.on(`POST /api/calendars/${library.id}/holidays`, json(201, library));
    network.on(`POST /api/calendars/${library.id}/holidays/public`, (request) =>
      (request.body as { state?: string }).state === 'XX'
        ? apiError(400, 'validation_failed', 'Invalid input: state', [{ field: 'state', messages: ['unknown state of US'] }])
        : json(200, { added: 11, skipped: 0 }),
    );
    const { user } = renderApp('/admin/calendars', network);

    await user.click(await screen.findByRole('button', { name: 'Holidays of Library hours' }));
    let dialog = await screen.findByRole('dialog', { name: 'Holidays of Library hours' });
    await user.type(within(dialog).getByLabelText(/^Date/), '2026-12-25');
    await user.type(within(dialog).getByRole('textbox', { name: /^Holiday/ }), 'Christmas Day');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Every year' }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Observed on a weekday/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add holiday' }));
    expect(await screen.findByText('Christmas Day was added.')).toBeInTheDocument();
    expect(network.calls(`POST /api/calendars/${library.id}/holidays`).map((r) => r.body)).toEqual([
      { date: '2026-12-25', name: 'Christmas Day', yearly: true, observed: true },
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Load public holidays…' }));
    dialog = await screen.findByRole('dialog', { name: 'Load public holidays into Library hours' });
    const state = within(dialog).getByRole('textbox', { name: /^State or region/ });
    await user.type(state, 'xx');
    await user.click(within(dialog).getByRole('button', { name: 'Load holidays' }));
    expect(state).toHaveAccessibleDescription(/unknown state of US/);
    await user.clear(state);
    await user.type(state, 'ny');
    await user.click(within(dialog).getByRole('button', { name: 'Load holidays' }));

    expect(await screen.findByText('11 holidays added.')).toBeInTheDocument();
    const thisYear = new Date().getFullYear();
    expect(network.calls(`POST /api/calendars/${library.id}/holidays/public`).at(-1)?.body).toEqual({
      country: 'US',
      state: 'NY',
      fromYear: thisYear,
      toYear: thisYear + 1,
    });
    // Back to the calendar's holidays.
    expect(await screen.findByRole('dialog', { name: 'Holidays of Library hours' })).toBeInTheDocument();
  });
});
