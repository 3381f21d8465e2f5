/**
 * What every CivicDesk response must carry, as a list of problems (empty when all is well), so a
 * suite can check hundreds of responses and report every miss at once.
 */

export type Csp = Map<string, string[]>;

/** A Content-Security-Policy header as directive → sources (names and sources lower-cased). */
export function parseCsp(header: string): Csp {
  const policy: Csp = new Map();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    // CSP3 §2.2.1: a repeated directive is ignored, the first one counts.
    if (name && !policy.has(name.toLowerCase()))
      policy.set(
        name.toLowerCase(),
        sources.map((s) => s.toLowerCase()),
      );
  }
  return policy;
}

const REFERRER_POLICIES = new Set(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']);
/** 180 days: the least HSTS preload lists and scanners accept. */
const MIN_HSTS_SECONDS = 180 * 24 * 60 * 60;

export function cspProblems(header: string | null): string[] {
  if (!header) return ['no Content-Security-Policy'];
  const csp = parseCsp(header);
  const problems: string[] = [];
  const sources = (name: string): string[] | undefined => csp.get(name);
  const defaultSrc = sources('default-src');
  if (!defaultSrc?.includes("'self'") || defaultSrc.some((s) => s === '*' || s.endsWith(':'))) {
    problems.push(`default-src is not 'self' (${defaultSrc?.join(' ')})`);
  }
  // Scripts: only files of this origin. No inline script, no eval, no wildcard, scheme or data: source.
  for (const name of ['script-src', 'script-src-elem']) {
    const list = sources(name) ?? (name === 'script-src' ? defaultSrc : undefined);
    if (!list) continue;
    const unsafe = list.filter((s) => s !== "'self'" && s !== "'none'" && !s.startsWith("'sha") && !s.startsWith("'nonce-"));
    if (unsafe.length) problems.push(`${name} allows ${unsafe.join(' ')}`);
  }
  const scriptAttr = sources('script-src-attr');
  if (scriptAttr && scriptAttr.join(' ') !== "'none'") problems.push(`script-src-attr is ${scriptAttr.join(' ')}`);
  for (const [name, list] of csp) {
    if (list.includes("'unsafe-eval'") || list.includes("'wasm-unsafe-eval'")) problems.push(`${name} allows eval`);
  }
  if (sources('object-src')?.join(' ') !== "'none'") problems.push(`object-src is not 'none'`);
  if (sources('frame-ancestors')?.join(' ') !== "'none'") problems.push(`frame-ancestors is not 'none'`);
  if (!["'self'", "'none'"].includes(sources('base-uri')?.join(' ') ?? '')) problems.push(`base-uri is not 'self'`);
  if (!["'self'", "'none'"].includes(sources('form-action')?.join(' ') ?? '')) problems.push(`form-action is not 'self'`);
  // Styles may be inline (see security-headers.test.ts for why Mantine needs it) but come from nowhere else.
  const styles = sources('style-src') ?? defaultSrc ?? [];
  const foreignStyles = styles.filter((s) => !["'self'", "'unsafe-inline'"].includes(s));
  if (foreignStyles.length) problems.push(`style-src allows ${foreignStyles.join(' ')}`);
  return problems;
}

/** Problems with the security headers of one response; `https` when the app's APP_URL is https. */
export function headerProblems(headers: Headers, options: { https: boolean }): string[] {
  const problems = cspProblems(headers.get('content-security-policy'));
  const expect = (name: string, ok: (value: string | null) => boolean): void => {
    const value = headers.get(name);
    if (!ok(value)) problems.push(`${name}: ${value ?? '(missing)'}`);
  };
  expect('x-content-type-options', (v) => v === 'nosniff');
  expect('referrer-policy', (v) => v !== null && v.split(',').every((p) => REFERRER_POLICIES.has(p.trim())));
  // CSP frame-ancestors is the control browsers use; X-Frame-Options covers those that predate it.
  expect('x-frame-options', (v) => v === 'DENY' || v === 'SAMEORIGIN');
  expect('cross-origin-opener-policy', (v) => v === 'same-origin');
  expect('cross-origin-resource-policy', (v) => v === 'same-origin' || v === 'same-site');
  expect('x-powered-by', (v) => v === null);
  expect('server', (v) => v === null || !/\d/.test(v));
  expect('strict-transport-security', (v) => {
    if (!options.https) return v === null; // over plain http a browser ignores it, and a proxy might pin the wrong host
    const maxAge = Number(/max-age=(\d+)/i.exec(v ?? '')?.[1] ?? 0);
    return maxAge >= MIN_HSTS_SECONDS && /includesubdomains/i.test(v ?? '');
  });
  return problems;
}
