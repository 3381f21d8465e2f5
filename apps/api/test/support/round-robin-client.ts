import { ApiClient, type ApiResponse } from './test-app.js';

/**
 * Spreads requests over several instances in turn, as a round-robin load balancer does: one
 * balancer is shared by many clients, so consecutive requests of one client (and one session
 * cookie) land on different instances.
 */
export class RoundRobin {
  private next = 0;
  /** Requests sent to each instance. */
  readonly sent: number[];

  constructor(readonly baseUrls: readonly string[]) {
    this.sent = baseUrls.map(() => 0);
  }

  pick(): string {
    const i = this.next++ % this.baseUrls.length;
    this.sent[i]! += 1;
    return this.baseUrls[i]!;
  }

  client(): RoundRobinClient {
    return new RoundRobinClient(this);
  }
}

/** A browser-like client (own cookie jar) whose every request goes to the balancer's next instance. */
export class RoundRobinClient extends ApiClient {
  constructor(private readonly balancer: RoundRobin) {
    super('');
  }

  override request<T>(
    method: string,
    path: string,
    body: unknown,
    init: { csrf?: boolean; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<ApiResponse<T>> {
    return super.request<T>(method, `${this.balancer.pick()}${path}`, body, init);
  }
}
