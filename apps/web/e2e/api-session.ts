import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../src/lib/api/schema';

/** A typed client of CivicDesk's API signed in as one person, for tests that set data up quickly. */
export interface ApiSession {
  api: Client<paths>;
  me: { id: string; name: string; email: string; role: string };
}

/** What a call answered when it was refused: the status and the API's error body. */
export class ApiRefusal extends Error {
  constructor(
    readonly what: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

/** The body of a successful call; a refusal throws ApiRefusal naming the call. */
export async function ok<T>(what: string, call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiRefusal(what, response.status, error);
  return data as T;
}

/**
 * Signs in through POST /api/auth/login and returns a client that sends the session cookie, the
 * CSRF header every state-changing call needs, and `userAgent` (the audit log records it).
 */
export async function apiSession(
  baseUrl: string,
  credentials: { email: string; password: string },
  userAgent = 'CivicDesk browser tests',
): Promise<ApiSession> {
  const signIn = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-civicdesk': '1', 'user-agent': userAgent },
    body: JSON.stringify(credentials),
  });
  if (!signIn.ok) throw new ApiRefusal(`sign-in as ${credentials.email}`, signIn.status, await signIn.text());
  const cookie = signIn.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const api = createClient<paths>({ baseUrl, headers: { cookie, 'x-civicdesk': '1', 'user-agent': userAgent } });
  const me = await ok('GET /api/auth/me', api.GET('/api/auth/me'));
  return { api, me };
}

/** Runs `work` over `items`, `concurrency` at a time, keeping the order of the results. */
export async function inBatches<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
