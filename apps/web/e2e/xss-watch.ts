import type { BrowserContext, Page } from 'playwright-core';
import { MARKER, MARKER_HOST, normalisedText, payloadById } from './xss-corpus';

/** Something a payload made the browser do, or a sign that it reached the DOM as markup. */
export interface XssFinding {
  kind: 'script ran' | 'dialog' | 'csp violation' | 'markup in the DOM' | 'request out' | 'new window' | 'page error';
  screen: string;
  detail: string;
}

/** The little of the page the probe uses (this project's e2e code has no DOM types). */
interface ProbeAttribute {
  name: string;
  value: string;
}
interface ProbeElement {
  tagName: string;
  attributes: ArrayLike<ProbeAttribute>;
  textContent: string | null;
  querySelectorAll(selector: string): ArrayLike<ProbeElement>;
}
interface ProbeNode {
  nodeType: number;
}
interface ProbeViolation {
  effectiveDirective: string;
  blockedURI: string;
  sample: string;
}
interface ProbeWindow {
  location: { href: string; origin: string };
  document: {
    documentElement: ProbeElement | null;
    addEventListener(type: 'securitypolicyviolation', listener: (event: ProbeViolation) => void, capture: boolean): void;
  };
  MutationObserver: new (
    callback: (records: { type: string; target: ProbeNode; addedNodes: ArrayLike<ProbeNode> }[]) => void,
  ) => { observe(target: unknown, options: Record<string, boolean>): void };
  __xssReport?: (kind: XssFinding['kind'], detail: string) => void;
  __xssSweep?: () => number;
}

/**
 * Runs in every frame before the app: reports CSP violations, and every element that carries an
 * event-handler attribute, a script URL, or the marker where only markup could have put it,
 * as elements arrive and change (a sweep at the end of each screen checks the whole DOM too).
 */
function pageProbe({ marker }: { marker: string }): void {
  const w = globalThis as unknown as ProbeWindow;
  /** Attributes the browser loads or follows as a URL. */
  const URL_ATTRIBUTES = new Set([
    'href',
    'xlink:href',
    'src',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'codebase',
    'ping',
  ]);
  /** Attributes whose text the browser runs or styles with. */
  const ACTIVE_ATTRIBUTES = new Set(['srcdoc', 'style', 'content', 'srcset']);
  const SCRIPTABLE = new Set([
    'SCRIPT',
    'IFRAME',
    'FRAME',
    'FRAMESET',
    'OBJECT',
    'EMBED',
    'BASE',
    'META',
    'LINK',
    'STYLE',
    'TEMPLATE',
  ]);
  // A script URL as browsers read one: leading controls and spaces, tabs and newlines inside, any case.
  const SCRIPT_URL =
    /^[^\x21-\uffff]*(j[\t\n\r]*a[\t\n\r]*v[\t\n\r]*a[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i[\t\n\r]*p[\t\n\r]*t|v[\t\n\r]*b[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i[\t\n\r]*p[\t\n\r]*t|d[\t\n\r]*a[\t\n\r]*t[\t\n\r]*a[\t\n\r]*:[\t\n\r ]*text\/html)[\t\n\r]*:?/i;
  /** A URL that runs script, or leads off the app's origin (a link the data made, or a request out). */
  const unsafeUrl = (value: string) => {
    if (SCRIPT_URL.test(value)) return true;
    try {
      const url = new URL(value, w.location.href);
      return url.protocol !== 'data:' && url.origin !== w.location.origin;
    } catch {
      return false;
    }
  };
  const seen = new Set<string>();
  const report = (kind: XssFinding['kind'], detail: string) => {
    if (seen.has(detail)) return;
    seen.add(detail);
    w.__xssReport?.(kind, detail);
  };
  const describe = (element: ProbeElement, attribute?: ProbeAttribute) =>
    `<${element.tagName.toLowerCase()}${attribute ? ` ${attribute.name}="${attribute.value.slice(0, 120)}"` : ''}>`;
  const inspect = (element: ProbeElement) => {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) report('markup in the DOM', `event handler attribute ${describe(element, attribute)}`);
      else if (URL_ATTRIBUTES.has(name) && unsafeUrl(attribute.value))
        report('markup in the DOM', `a script or off-site URL in ${describe(element, attribute)}`);
      else if (ACTIVE_ATTRIBUTES.has(name) && (attribute.value.includes(marker) || SCRIPT_URL.test(attribute.value)))
        report('markup in the DOM', `the marker in ${describe(element, attribute)}`);
    }
    if (SCRIPTABLE.has(element.tagName.toUpperCase())) {
      const text = element.textContent ?? '';
      const attributes = Array.from(element.attributes).some((a) => a.value.includes(marker));
      if (text.includes(marker) || attributes) report('markup in the DOM', `marker inside ${describe(element)}`);
      if (element.tagName.toUpperCase() === 'IFRAME') report('markup in the DOM', `an iframe ${describe(element)}`);
    }
  };
  const inspectTree = (node: ProbeNode) => {
    if (node.nodeType !== 1) return;
    const element = node as unknown as ProbeElement;
    inspect(element);
    Array.from(element.querySelectorAll('*')).forEach(inspect);
  };
  w.__xssSweep = () => {
    const root = w.document.documentElement;
    if (root) inspectTree(root as unknown as ProbeNode);
    return seen.size;
  };
  w.document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      report(
        'csp violation',
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'}: ${event.sample.slice(0, 120)}`,
      ),
    true,
  );
  new w.MutationObserver((records) => {
    for (const record of records) {
      // A changed attribute needs only its element looked at; added nodes bring their whole subtree.
      if (record.type === 'attributes') inspect(record.target as unknown as ProbeElement);
      else Array.from(record.addedNodes).forEach(inspectTree);
    }
  }).observe(w.document, { childList: true, subtree: true, attributes: true });
}

/**
 * Watches browser contexts for anything a payload could make the browser do: the marker running,
 * dialogs, CSP violations, markup in the DOM, requests leaving the app's origin, new windows and
 * uncaught errors. Findings name the screen being looked at.
 */
export class XssWatch {
  readonly findings: XssFinding[] = [];
  /** The screen findings are filed under. */
  screen = 'sign-in';

  constructor(private readonly origin: string) {}

  private add(kind: XssFinding['kind'], detail: string): void {
    this.findings.push({ kind, screen: this.screen, detail });
  }

  async instrument(context: BrowserContext): Promise<void> {
    await context.exposeBinding(MARKER, (_source, id: unknown) => {
      const payload = typeof id === 'number' ? payloadById(id) : undefined;
      this.add(
        'script ran',
        payload ? `payload ${payload.id} (${payload.family}): ${payload.text.slice(0, 120)}` : `marker called with ${String(id)}`,
      );
    });
    await context.exposeBinding('__xssReport', (_source, kind: XssFinding['kind'], detail: string) => this.add(kind, detail));
    await context.addInitScript(pageProbe, { marker: MARKER });
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== this.origin || url.hostname.endsWith(MARKER_HOST))
        this.add('request out', `${request.method()} ${request.url()}`);
    });
    context.on('page', (page) => {
      if (context.pages().length > 1) this.add('new window', page.url());
      this.watchPage(page);
    });
  }

  private watchPage(page: Page): void {
    page.on('dialog', (dialog) => {
      this.add('dialog', `${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => this.add('page error', error.message));
  }

  /** The whole DOM checked once more, then the findings of this screen. */
  async sweep(page: Page): Promise<XssFinding[]> {
    await page.evaluate(() => (globalThis as unknown as ProbeWindow).__xssSweep?.());
    return this.findings.filter((finding) => finding.screen === this.screen);
  }
}

/** The page's visible text and the values its form fields show, as the checks compare text. */
interface TextElement {
  textContent: string | null;
  value?: string;
  querySelectorAll(selector: string): ArrayLike<TextElement>;
}

/**
 * Waits until the page (or the part `within` selects) shows every one of `expected` as text,
 * escaped rather than stripped, and returns those it still does not show after `timeout` ms.
 */
export async function missingText(
  page: Page,
  expected: readonly string[],
  { within = 'body', timeout = 15_000 }: { within?: string | undefined; timeout?: number } = {},
): Promise<string[]> {
  const texts = [...new Set(expected.map(normalisedText))].filter((text) => text !== '');
  try {
    // A function, not a string: Playwright evaluates a string predicate with eval, which the CSP refuses (and reports).
    await page.waitForFunction(textsMissing, { texts, within, none: true }, { timeout, polling: 250 });
    return [];
  } catch {
    return (await page.evaluate(textsMissing, { texts, within, none: false })) as string[];
  }
}

/** In the page: which of `texts` the text and form fields of `within` do not show (with `none`: whether all are shown). */
function textsMissing({ texts, within, none }: { texts: string[]; within: string; none: boolean }): string[] | boolean {
  const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<TextElement> } };
  const shown = Array.from(document.querySelectorAll(within), (root) =>
    [root.textContent ?? '', ...Array.from(root.querySelectorAll('input, textarea'), (field) => field.value ?? '')].join(' '),
  )
    .join(' ')
    .replace(/\s+/g, ' ');
  const missing = texts.filter((text) => !shown.includes(text));
  return none ? missing.length === 0 : missing;
}
