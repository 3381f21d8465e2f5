/**
 * A stand-in for the network in component tests (and only there): answers requests from a
 * table of `"METHOD /path"` routes and records every request it saw.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  credentials: RequestCredentials;
  body: unknown;
}

type RouteAnswer = Response | ((request: RecordedRequest) => Response | Promise<Response>);

export interface FetchStub {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  requests: RecordedRequest[];
  /** Adds or replaces the answer for `"METHOD /path"`. */
  on: (route: string, answer: RouteAnswer) => void;
  /** The requests for one route, in order. */
  calls: (route: string) => RecordedRequest[];
}

export function json(status: number, body?: unknown): Response {
  if (body === undefined) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function apiError(statusCode: number, code: string, message: string, details?: unknown): Response {
  return json(statusCode, details === undefined ? { statusCode, code, message } : { statusCode, code, message, details });
}

/** JSON bodies parsed; others (a CSV upload) kept as text. */
function parseBody(text: string, contentType: string | null): unknown {
  if (!text) return undefined;
  return contentType?.includes('json') ? JSON.parse(text) : text;
}

export function createFetchStub(routes: Record<string, RouteAnswer> = {}): FetchStub {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname + url.search,
      headers: request.headers,
      credentials: request.credentials,
      body: parseBody(text, request.headers.get('Content-Type')),
    };
    requests.push(recorded);
    const answer = table.get(`${request.method} ${url.pathname}`);
    if (!answer) return apiError(404, 'not_found', `No stubbed answer for ${request.method} ${url.pathname}`);
    // A Response body can be read once; clone so a route may answer many times.
    return typeof answer === 'function' ? answer(recorded) : answer.clone();
  };

  return {
    fetch,
    requests,
    on: (route, answer) => table.set(route, answer),
    calls: (route) => {
      const [method, path] = route.split(' ');
      return requests.filter((r) => r.method === method && r.path.split('?')[0] === path);
    },
  };
}
