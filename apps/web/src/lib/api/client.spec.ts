import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { apiError, createFetchStub, json, type FetchStub } from '../../testing/fetch-stub';
import { ApiError } from './api-error';
import { createApiClient, setUnauthorizedHandler, unwrap } from './client';

describe('createApiClient', () => {
  const realFetch = globalThis.fetch;
  let network: FetchStub;
  let onUnauthorized: jest.Mock<() => void>;
  let removeHandler: () => void;
  const client = createApiClient({ baseUrl: 'http://civicdesk.test' });

  beforeEach(() => {
    network = createFetchStub();
    globalThis.fetch = network.fetch;
    onUnauthorized = jest.fn<() => void>();
    removeHandler = setUnauthorizedHandler(onUnauthorized);
  });

  afterEach(() => {
    removeHandler();
    globalThis.fetch = realFetch;
  });

  it('sends X-CivicDesk and same-origin credentials on reads and writes', async () => {
    network.on('GET /api/departments', json(200, { items: [] }));
    network.on('POST /api/departments', json(201, { id: 'd1', name: 'Parks', code: 'PRK', lifeSafety: false }));

    await unwrap(client.GET('/api/departments'));
    await unwrap(client.POST('/api/departments', { body: { name: 'Parks', code: 'PRK', lifeSafety: false } }));

    expect(network.requests.map((r) => [r.method, r.headers.get('X-CivicDesk'), r.credentials])).toEqual([
      ['GET', '1', 'same-origin'],
      ['POST', '1', 'same-origin'],
    ]);
    expect(network.requests[1]?.body).toEqual({ name: 'Parks', code: 'PRK', lifeSafety: false });
    expect(network.requests[1]?.headers.get('Content-Type')).toBe('application/json');
  });

  it('returns the parsed body of a successful call', async () => {
    network.on('GET /api/departments', json(200, { items: [{ id: 'd1', name: 'Police', code: 'PD' }] }));

    const body = await unwrap(client.GET('/api/departments'));

    expect(body.items[0]?.name).toBe('Police');
  });

  it('returns undefined for 204 No Content', async () => {
    network.on('POST /api/auth/logout', json(204));

    await expect(unwrap(client.POST('/api/auth/logout'))).resolves.toBeUndefined();
  });

  it('turns an error answer into an ApiError with status, code, message and field details', async () => {
    const details = [{ field: 'code', messages: ['code must be 1-16 upper-case letters'] }];
    network.on('POST /api/departments', apiError(400, 'validation_failed', 'Invalid input: code', details));

    const error = await unwrap(
      client.POST('/api/departments', { body: { name: 'Parks', code: 'parks', lifeSafety: false } }),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 400, code: 'validation_failed', message: 'Invalid input: code' });
    expect((error as ApiError).fieldErrors).toEqual(details);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('turns a non-JSON error answer into an ApiError named after the status', async () => {
    network.on('GET /api/departments', new Response('<html>Bad gateway</html>', { status: 502 }));

    await expect(unwrap(client.GET('/api/departments'))).rejects.toMatchObject({
      statusCode: 502,
      code: 'http_error',
    });
  });

  it('turns a failed request into a network ApiError', async () => {
    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));

    await expect(unwrap(client.GET('/api/departments'))).rejects.toMatchObject({
      statusCode: 0,
      code: 'network_error',
    });
  });

  it('reports a 401 from any call as the end of the session', async () => {
    network.on('GET /api/users', apiError(401, 'unauthenticated', 'Sign in first'));

    await expect(unwrap(client.GET('/api/users'))).rejects.toMatchObject({ statusCode: 401 });

    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not treat wrong credentials at sign-in or password change as the end of the session', async () => {
    network.on('POST /api/auth/login', apiError(401, 'invalid_credentials', 'Email or password is incorrect'));
    network.on('POST /api/auth/password', apiError(401, 'invalid_credentials', 'Current password is incorrect'));

    await expect(unwrap(client.POST('/api/auth/login', { body: { email: 'a@b.c', password: 'nope' } }))).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await expect(
      unwrap(client.POST('/api/auth/password', { body: { currentPassword: 'x', newPassword: 'y'.repeat(12) } })),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });

    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});
