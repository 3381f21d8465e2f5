import { ApiClient, type ApiResponse } from '../../support/test-app.js';

/** One answer as the client saw it: its headers (Set-Cookie apart) and its body as text. */
export interface RecordedResponse {
  label: string;
  status: number;
  headers: [string, string][];
  setCookies: string[];
  body: string;
}

/** A browser-like client that keeps every answer it gets, for scanning afterwards. */
export class RecordingClient extends ApiClient {
  constructor(
    baseUrl: string,
    private readonly recorded: RecordedResponse[],
  ) {
    super(baseUrl);
  }

  override async request<T>(
    method: string,
    path: string,
    body: unknown,
    init: { csrf?: boolean; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<ApiResponse<T>> {
    const res = await super.request<T>(method, path, body, init);
    this.recorded.push({
      label: `${method} ${path} → ${res.status}`,
      status: res.status,
      headers: [...res.headers].filter(([name]) => name !== 'set-cookie'),
      setCookies: res.headers.getSetCookie(),
      body: typeof res.body === 'string' ? res.body : JSON.stringify(res.body),
    });
    return res;
  }
}

export type Place = { response: RecordedResponse; part: 'body' | 'header' | 'set-cookie' } | { log: number };

export interface Secret {
  name: string;
  value: string;
  /** The one place the secret may appear (a session token in the Set-Cookie that issued it). */
  allowedIn?: (place: Place) => boolean;
}

/** The forms a secret takes in text: as it is, URL-encoded, and escaped inside a JSON string. */
function forms(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
}

/** Every place a secret appears where it may not, described without repeating the whole text. */
export function secretHits(
  secrets: readonly Secret[],
  responses: readonly RecordedResponse[],
  logLines: readonly string[],
): string[] {
  const hits: string[] = [];
  const look = (text: string, place: Place, where: string): void => {
    for (const secret of secrets) {
      if (!forms(secret.value).some((form) => text.includes(form))) continue;
      if (secret.allowedIn?.(place)) continue;
      hits.push(`${secret.name} in ${where}`);
    }
  };
  for (const response of responses) {
    look(response.body, { response, part: 'body' }, `the body of ${response.label}`);
    for (const [name, value] of response.headers)
      look(value, { response, part: 'header' }, `header ${name} of ${response.label}`);
    for (const cookie of response.setCookies) look(cookie, { response, part: 'set-cookie' }, `Set-Cookie of ${response.label}`);
  }
  logLines.forEach((line, i) => look(line, { log: i }, `log line ${i + 1}: ${line.slice(0, 160)}…`));
  return hits;
}
