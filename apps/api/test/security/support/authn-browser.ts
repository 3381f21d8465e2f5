import { ApiClient, type ApiResponse } from '../../support/test-app.js';

/**
 * A browser behind a proxy that reports its address (X-Forwarded-For, trusted with TRUST_PROXY),
 * so one test process can sign in from as many client addresses as the throttle tests need.
 */
export class AddressedBrowser extends ApiClient {
  constructor(
    baseUrl: string,
    readonly address: string,
  ) {
    super(baseUrl);
  }

  override request<T>(
    method: string,
    path: string,
    body: unknown,
    init: { csrf?: boolean; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<ApiResponse<T>> {
    return super.request<T>(method, path, body, { ...init, headers: { 'x-forwarded-for': this.address, ...init.headers } });
  }
}

let addresses = 0;
/** A private (10.0.0.0/8) client address that no other request of this test process used. */
export function freshAddress(): string {
  addresses += 1;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
}

export interface ParsedCookie {
  name: string;
  value: string;
  /** Attribute names lower-cased; flags map to true. */
  attributes: Map<string, string | true>;
}

/** One Set-Cookie header, as RFC 6265 §5.2 reads it. */
export function parseSetCookie(header: string): ParsedCookie {
  const [pair = '', ...rest] = header.split(';');
  const index = pair.indexOf('=');
  const attributes = new Map<string, string | true>();
  for (const part of rest) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    attributes.set(key, eq < 0 ? true : part.slice(eq + 1).trim());
  }
  return { name: pair.slice(0, index).trim(), value: pair.slice(index + 1).trim(), attributes };
}

/** The median of some measurements. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
