import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { aMe, someSettings } from '../../../testing/fixtures';
import { apiError, createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { SettingsPage } from './SettingsPage';

function adminNetwork() {
  return createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
    'GET /api/settings': json(200, someSettings()),
  });
}

describe(SettingsPage.name, () => {
  it('changes the replacement cycle of one asset type', async () => {
    const network = adminNetwork();
    network.on('PATCH /api/settings', (request) => json(200, { ...someSettings(), ...(request.body as object) }));
    const { user } = renderApp('/admin/settings', network);

    const cycles = await screen.findByRole('region', { name: 'Asset replacement cycles' });
    const laptop = within(cycles).getByRole('textbox', { name: 'Laptop' });
    expect(laptop).toHaveValue('3');
    await user.clear(laptop);
    await user.type(laptop, '4');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('The settings were saved.')).toBeInTheDocument();
    const [body] = network.calls('PATCH /api/settings').map((r) => r.body as ReturnType<typeof someSettings>);
    expect(body?.assetLifecycleYears).toEqual({ ...someSettings().assetLifecycleYears, laptop: 4 });
    expect(body).toMatchObject({ autoCloseResolvedAfterDays: 5, fiscalYearStartMonth: 7 });
  });

  it('shows the API’s reason on the field it refused', async () => {
    const network = adminNetwork();
    network.on(
      'PATCH /api/settings',
      apiError(400, 'validation_failed', 'Invalid input: assetLifecycleYears.radio', [
        { field: 'assetLifecycleYears.radio', messages: ['radio must not be greater than 50'] },
      ]),
    );
    const { user } = renderApp('/admin/settings', network);

    await user.click(await screen.findByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('radio must not be greater than 50')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Radio' })).toHaveAttribute('aria-invalid', 'true'));
  });

  it('is for admins only', async () => {
    const network = adminNetwork();
    network.on('GET /api/auth/me', json(200, aMe({ role: 'manager' })));
    const { router } = renderApp('/admin/settings', network);

    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard'));
  });
});
