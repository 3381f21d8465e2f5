import { ApiClient, type ApiResponse } from './test-app.js';

/**
 * A round-robin balancer in front of instances that may die, behaving as nginx does with
 * `proxy_next_upstream error`: a request that cannot connect to an instance (refused: nothing
 * listens there) goes to the next one, while a request an instance received is never sent again,
 * because a POST it took may have been committed. An instance restarted on a new port is put
 * back with `replace`.
 */
export class FailoverBalancer {
  private next = 0;
  /** Requests sent to each instance, and those being answered right now. */
  readonly sent: number[];
  readonly inFlight: number[];
  /** Called with each answer as it arrives (and how long it took), before the client sees it. */
  onResponse: ((instance: number, status: number, ms: number) => void) | undefined;

  constructor(private readonly urls: string[]) {
    this.sent = urls.map(() => 0);
    this.inFlight = urls.map(() => 0);
  }

  /** An instance came back (a restarted process listens on a new port). */
  replace(instance: number, url: string): void {
    this.urls[instance] = url;
  }

  client(): FailoverClient {
    return new FailoverClient(this);
  }

  /** Sends one request: to the next instance that accepts the connection. */
  async send<T>(attempt: (baseUrl: string) => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
    for (let tried = 0; ; tried++) {
      const instance = this.next++ % this.urls.length;
      this.sent[instance]! += 1;
      this.inFlight[instance]! += 1;
      const started = performance.now();
      try {
        const response = await attempt(this.urls[instance]!);
        this.onResponse?.(instance, response.status, performance.now() - started);
        return response;
      } catch (error) {
        if (!connectionRefused(error) || tried + 1 >= this.urls.length) throw new UpstreamError(instance, error);
      } finally {
        this.inFlight[instance]! -= 1;
      }
    }
  }
}

/** A browser-like client (own cookie jar) whose requests go through the balancer. */
export class FailoverClient extends ApiClient {
  constructor(private readonly balancer: FailoverBalancer) {
    super('');
  }

  override request<T>(
    method: string,
    path: string,
    body: unknown,
    init: { csrf?: boolean; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<ApiResponse<T>> {
    return this.balancer.send((baseUrl) => super.request<T>(method, `${baseUrl}${path}`, body, init));
  }
}

/** A request that got no answer from an instance (the connection broke, or nothing listened). */
export class UpstreamError extends Error {
  constructor(
    readonly instance: number,
    cause: unknown,
  ) {
    super(`instance ${instance} did not answer: ${(cause as Error | null)?.message ?? String(cause)}`, { cause });
    this.name = 'UpstreamError';
  }
}

/** fetch() could not open the connection: the request never reached a server. */
export function connectionRefused(error: unknown): boolean {
  return (error as { cause?: { code?: unknown } } | null)?.cause?.code === 'ECONNREFUSED';
}
