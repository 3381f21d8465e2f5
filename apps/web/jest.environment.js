import { TestEnvironment } from 'jest-environment-jsdom';

/**
 * jsdom has no fetch. Give the test window Node's own fetch classes, so the real API
 * client (openapi-fetch) runs unchanged against a stubbed `fetch`.
 */
export default class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const g = this.global;
    g.fetch = globalThis.fetch;
    g.Request = globalThis.Request;
    g.Response = globalThis.Response;
    g.Headers = globalThis.Headers;
    g.ReadableStream ??= globalThis.ReadableStream;
    g.TextEncoder ??= globalThis.TextEncoder;
    g.TextDecoder ??= globalThis.TextDecoder;
    g.structuredClone ??= globalThis.structuredClone;
  }
}
