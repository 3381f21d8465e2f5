import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type { CreateTicketInput } from '../../../lib/api/api-types';
import { aCategory, aMe, anAsset, aTicket } from '../../../testing/fixtures';
import { apiError, createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { GetHelpPage } from './GetHelpPage';

const me = aMe({ role: 'requester', departmentId: '00000000-0000-4000-8000-00000000f1f1', departmentName: 'Finance' });
const hardware = aCategory({ name: 'Hardware' });
const account = aCategory({ name: 'Account / access', defaultKind: 'service_request' });
const laptop = anAsset({ tag: 'FIN-LT-0042', name: 'Dell Latitude 5450' });

function requesterNetwork() {
  return createFetchStub({
    'GET /api/auth/me': json(200, me),
    'GET /api/categories': json(200, { items: [hardware, account] }),
    'GET /api/assets': json(200, { items: [laptop], nextCursor: null }),
    'GET /api/tickets': json(200, { items: [], nextCursor: null }),
    'GET /api/tickets/INC-000123/comments': json(200, { items: [] }),
  });
}

describe(GetHelpPage.name, () => {
  it.each<[string, string, CreateTicketInput['impact'], CreateTicketInput['urgency']]>([
    ['The whole city', 'I can’t work at all', 'city_wide', 'work_stopped'],
    ['My department', 'I can work, but badly', 'department', 'work_degraded'],
    ['Several people', 'It’s an inconvenience', 'several_people', 'inconvenience'],
    ['Just me', 'It can wait', 'one_person', 'can_wait'],
  ])('files "%s" / "%s" as %s / %s', async (impactWords, urgencyWords, impact, urgency) => {
    const network = requesterNetwork();
    const filed = aTicket({ number: 'INC-000123', title: 'Printer jams' });
    network.on('POST /api/tickets', json(201, filed));
    network.on('GET /api/tickets/INC-000123', json(200, filed));
    const { user, router } = renderApp('/help', network);

    await user.type(await screen.findByLabelText(/^What’s wrong\?/), '  Printer jams ');
    await user.click(screen.getByRole('radio', { name: impactWords }));
    await user.click(screen.getByRole('radio', { name: urgencyWords }));
    await user.click(screen.getByRole('button', { name: 'Send to IT' }));

    expect(await screen.findByText('INC-000123 was filed. We’ll keep you posted here.')).toBeInTheDocument();
    expect(network.calls('POST /api/tickets').map((r) => r.body)).toEqual([{ title: 'Printer jams', impact, urgency }]);
    expect(router.state.location.pathname).toBe('/tickets/INC-000123');
  });

  it('sends the category, its default kind, the details and the device picked from the department’s assets', async () => {
    const network = requesterNetwork();
    network.on('POST /api/tickets', json(201, aTicket({ number: 'REQ-000007' })));
    network.on('GET /api/tickets/REQ-000007', json(200, aTicket({ number: 'REQ-000007' })));
    const { user } = renderApp('/help', network);

    await user.type(await screen.findByLabelText(/^What’s wrong\?/), 'Need access to the payroll share');
    await user.click(screen.getByRole('combobox', { name: /^What is it about\?/ }));
    await user.click(await screen.findByRole('option', { name: 'Account / access' }));
    await user.type(screen.getByLabelText(/^Details/), 'For the new budget analyst.');
    await user.click(screen.getByRole('combobox', { name: /^Which device\?/ }));
    await user.click(await screen.findByRole('option', { name: 'FIN-LT-0042 · Dell Latitude 5450' }));
    await user.click(screen.getByRole('radio', { name: 'Just me' }));
    await user.click(screen.getByRole('radio', { name: 'It can wait' }));
    await user.click(screen.getByRole('button', { name: 'Send to IT' }));

    expect(await screen.findByText(/REQ-000007 was filed/)).toBeInTheDocument();
    expect(network.calls('POST /api/tickets').map((r) => r.body)).toEqual([
      {
        title: 'Need access to the payroll share',
        description: 'For the new budget analyst.',
        categoryId: account.id,
        assetId: laptop.id,
        kind: 'service_request',
        impact: 'one_person',
        urgency: 'can_wait',
      },
    ]);
    // The device list is the requester's own department's.
    expect(network.calls('GET /api/assets').every((r) => r.path.includes(`departmentId=${me.departmentId}`))).toBe(true);
  });

  it('asks for what is wrong and how bad it is before calling the API', async () => {
    const network = requesterNetwork();
    const { user } = renderApp('/help', network);

    await user.click(await screen.findByRole('button', { name: 'Send to IT' }));

    expect(await screen.findByText('Say in a few words what is wrong')).toBeInTheDocument();
    expect(screen.getByText('Choose who is affected')).toBeInTheDocument();
    expect(screen.getByText('Choose how much it stops your work')).toBeInTheDocument();
    expect(network.calls('POST /api/tickets')).toHaveLength(0);
  });

  it('shows the API’s message when filing fails', async () => {
    const network = requesterNetwork();
    network.on('POST /api/tickets', apiError(400, 'validation_failed', 'assetId: not a device of your department'));
    const { user } = renderApp('/help', network);

    await user.type(await screen.findByLabelText(/^What’s wrong\?/), 'Broken');
    await user.click(screen.getByRole('radio', { name: 'Just me' }));
    await user.click(screen.getByRole('radio', { name: 'It can wait' }));
    await user.click(screen.getByRole('button', { name: 'Send to IT' }));

    expect(await screen.findByText('assetId: not a device of your department')).toBeInTheDocument();
  });
});

describe('Report phishing', () => {
  it('files a report with the optional note in one step and confirms with the ticket number', async () => {
    const network = requesterNetwork();
    network.on('POST /api/tickets/report-phishing', json(201, aTicket({ number: 'INC-000124' })));
    const { user } = renderApp('/help', network);

    await user.click(await screen.findByRole('button', { name: 'Report phishing' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report phishing' });
    await user.type(within(dialog).getByLabelText(/^Anything to add\?/), 'Fake invoice from "paypal-billing.co"');
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));

    expect(await within(dialog).findByRole('link', { name: 'INC-000124' })).toHaveAttribute('href', '/tickets/INC-000124');
    expect(network.calls('POST /api/tickets/report-phishing').map((r) => r.body)).toEqual([
      { description: 'Fake invoice from "paypal-billing.co"' },
    ]);
  });

  it('sends an empty report when there is nothing to add', async () => {
    const network = requesterNetwork();
    network.on('POST /api/tickets/report-phishing', json(201, aTicket({ number: 'INC-000125' })));
    const { user } = renderApp('/tickets', network);

    await user.click(await screen.findByRole('button', { name: 'Report phishing' }));
    const dialog = await screen.findByRole('dialog', { name: 'Report phishing' });
    await user.click(within(dialog).getByRole('button', { name: 'Send report' }));

    expect(await within(dialog).findByText('Thank you — the security team has it')).toBeInTheDocument();
    expect(network.calls('POST /api/tickets/report-phishing').map((r) => r.body)).toEqual([{}]);
  });
});
