import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiError } from './api-error';
import type { paths } from './schema';

export type ApiClient = Client<paths>;

type UnauthorizedHandler = () => void;

let unauthorizedHandler: UnauthorizedHandler | null = null;

/**
 * Registers what happens when the API says the session is gone (401).
 * The app layer wires this to "forget the user, go to sign-in"; the client only detects it.
 * Returns a function that removes the handler.
 */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = null;
  };
}

/**
 * A 401 that means "these credentials are wrong", not "your session ended":
 * the sign-in call itself, and a wrong current password when changing it.
 */
function isCredentialCheck(schemaPath: string, error: ApiError): boolean {
  return schemaPath === '/api/auth/login' || error.code === 'invalid_credentials';
}

/** The one place where HTTP failures become ApiError and where 401 is noticed. */
const errorMiddleware: Middleware = {
  async onResponse({ response, schemaPath }) {
    if (response.ok) return undefined;
    const error = await ApiError.fromResponse(response.clone());
    if (error.statusCode === 401 && !isCredentialCheck(schemaPath, error)) {
      unauthorizedHandler?.();
    }
    throw error;
  },
  onError({ error }) {
    return error instanceof ApiError ? error : ApiError.network(error);
  },
};

export interface ApiClientOptions {
  /** Defaults to the page's origin: the API is served on the same origin as the app. */
  baseUrl?: string;
}

export function createApiClient({ baseUrl = defaultBaseUrl() }: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl,
    credentials: 'same-origin',
    // The API's CSRF guard rejects state-changing requests without this header.
    headers: { 'X-CivicDesk': '1' },
    // Look fetch up per call (not once at start-up) so it always uses the current global.
    fetch: (request) => globalThis.fetch(request),
  });
  client.use(errorMiddleware);
  return client;
}

function defaultBaseUrl(): string {
  return typeof window === 'undefined' ? '' : window.location.origin;
}

export const api = createApiClient();

/**
 * Returns the typed body of a successful call. Failures never get here: the middleware
 * above has already thrown an ApiError for them.
 */
export async function unwrap<T>(request: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data } = await request;
  return data as T;
}
