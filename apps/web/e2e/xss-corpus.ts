/**
 * The XSS corpus: markup, URLs, attribute breakouts, template and markdown tricks, CSS, Unicode
 * and polyglots that have broken web apps, each rewritten so that its script part calls
 * `__xss(<id>)`. The browser tests expose that marker, so any execution is counted and named; a
 * payload that reaches the DOM as markup without running is caught by the DOM and CSP checks.
 */

export type PayloadFamily =
  | 'script tag'
  | 'event handler'
  | 'svg'
  | 'iframe'
  | 'url scheme'
  | 'attribute breakout'
  | 'template'
  | 'markdown'
  | 'css'
  | 'unicode'
  | 'long'
  | 'polyglot'
  | 'dialog'
  | 'email';

export interface XssPayload {
  id: number;
  family: PayloadFamily;
  text: string;
}

/** The marker every payload calls; also what the DOM checks look for in attributes. */
export const MARKER = '__xss';

/** A host no payload may make the browser ask for (each CSS payload names its own). */
export const MARKER_HOST = 'xss.invalid';

type Build = (call: string, id: number) => string;

/** "&#95;&#95;xss(3)": every character as a decimal entity. */
const decimalEntities = (text: string) => [...text].map((c) => `&#${c.codePointAt(0)};`).join('');
/** "&#x5f;…": every character as a hex entity, zero-padded (a classic filter bypass). */
const hexEntities = (text: string) => [...text].map((c) => `&#x00${c.codePointAt(0)!.toString(16)};`).join('');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const percent = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');

const BUILDERS: readonly (readonly [PayloadFamily, Build])[] = [
  // Script tags, in every casing and broken form that parsers have accepted.
  ['script tag', (c) => `<script>${c}</script>`],
  ['script tag', (c) => `<SCRIPT>${c}</SCRIPT>`],
  ['script tag', (c) => `<ScRiPt>${c}</sCrIpT>`],
  ['script tag', (c) => `<script>${c}//`],
  ['script tag', (c) => `<script\n>${c}</script\n>`],
  ['script tag', (c) => `<script type="text/javascript">/* */${c};</script>`],
  ['script tag', (c) => `<script src=data:,${c}></script>`],
  ['script tag', (c) => `<script/src="data:text/javascript,${c}"></script>`],
  ['script tag', (c) => `<scr<script>ipt>${c}</scr</script>ipt>`],
  ['script tag', (c) => `<<script>${c};//<</script>`],
  ['script tag', (c) => `</title><script>${c}</script>`],
  ['script tag', (c) => `</textarea><script>${c}</script>`],
  ['script tag', (c) => `</script><script>${c}</script>`],
  ['script tag', (c) => `&lt;script&gt;${c}&lt;/script&gt;`],
  ['script tag', (c) => `%3Cscript%3E${c}%3C%2Fscript%3E`],
  ['script tag', (c) => `\\u003cscript\\u003e${c}\\u003c/script\\u003e`],
  ['script tag', (c) => `<script>eval(atob('${base64(c)}'))</script>`],
  // Event handlers on tags that fire without a click.
  ['event handler', (c) => `<img src=x onerror=${c}>`],
  ['event handler', (c) => `<IMG SRC=x ONERROR=${c}>`],
  ['event handler', (c) => `<img src="x" onerror="${c}">`],
  ['event handler', (c) => `<img/src/onerror=${c}>`],
  ['event handler', (c) => `<img src onerror=${c}//`],
  ['event handler', (c) => `<img src=\`x\` onerror=${c}>`],
  ['event handler', (c) => `<img src=x onerror=${decimalEntities(c)}>`],
  ['event handler', (c) => `<img src=x onerror="window['__x'+'ss'](${c.slice(6, -1)})">`],
  ['event handler', (c) => `<image src=x onerror=${c}>`],
  ['event handler', (c) => `<input autofocus onfocus=${c}>`],
  ['event handler', (c) => `<select autofocus onfocus=${c}></select>`],
  ['event handler', (c) => `<textarea autofocus onfocus=${c}></textarea>`],
  ['event handler', (c) => `<video><source onerror=${c}></video>`],
  ['event handler', (c) => `<audio src=x onerror=${c}>`],
  ['event handler', (c) => `<body onload=${c}>`],
  ['event handler', (c) => `<details open ontoggle=${c}>`],
  ['event handler', (c) => `<marquee onstart=${c}>x</marquee>`],
  ['event handler', (c) => `<div onpointerover=${c} style="position:fixed;inset:0">x</div>`],
  ['event handler', (c) => `<object data="javascript:${c}"></object>`],
  ['event handler', (c) => `<embed src="javascript:${c}">`],
  ['event handler', (c) => `<form><button formaction="javascript:${c}">x</button></form>`],
  ['event handler', (c) => `<isindex type=image src=1 onerror=${c}>`],
  ['event handler', (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">`],
  ['event handler', (c) => `<base href="javascript:${c}//">`],
  ['event handler', (c) => `<a href=# onclick=${c}>x</a>`],
  // SVG and MathML, where the HTML parser's rules change.
  ['svg', (c) => `<svg onload=${c}>`],
  ['svg', (c) => `<svg/onload=${c}>`],
  ['svg', (c) => `<SVG ONLOAD=${c}>`],
  ['svg', (c) => `<svg><script>${c}</script></svg>`],
  ['svg', (c) => `<svg><script href="data:,${c}"/></svg>`],
  ['svg', (c) => `<svg><animate onbegin=${c} attributeName=x dur=1s>`],
  ['svg', (c) => `<svg><a xlink:href="javascript:${c}"><text x=20 y=20>x</text></a></svg>`],
  ['svg', (c) => `<svg><set attributeName=onmouseover to=${c}>`],
  ['svg', (c) => `<svg><style><img src=x onerror=${c}></style></svg>`],
  ['svg', (c) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}>`],
  ['svg', (c) => `<svg></p><style><a id="</style><img src=1 onerror=${c}>">`],
  // Frames.
  ['iframe', (c) => `<iframe srcdoc="<script>parent.${c}</script>"></iframe>`],
  ['iframe', (c) => `<iframe srcdoc="&lt;img src=x onerror=parent.${c}&gt;"></iframe>`],
  ['iframe', (c) => `<iframe src="javascript:parent.${c}"></iframe>`],
  ['iframe', (c) => `<iframe src="data:text/html,<script>parent.${c}</script>"></iframe>`],
  ['iframe', (c) => `<iframe onload=${c}></iframe>`],
  ['iframe', (c) => `<frameset onload=${c}>`],
  // URLs that run script where they reach an href or src, with entity, whitespace and case tricks.
  ['url scheme', (c) => `javascript:${c}`],
  ['url scheme', (c) => `JaVaScRiPt:${c}`],
  ['url scheme', (c) => ` javascript:${c}`],
  ['url scheme', (c) => `\tjavascript:${c}`],
  ['url scheme', (c) => `java\tscript:${c}`],
  ['url scheme', (c) => `java\nscript:${c}`],
  ['url scheme', (c) => `java&#x09;script:${c}`],
  ['url scheme', (c) => `${decimalEntities('javascript:')}${c}`],
  ['url scheme', (c) => `${hexEntities('javascript')}:${c}`],
  ['url scheme', (c) => `javascript&colon;${c}`],
  ['url scheme', (c) => `javascript://%0a${c}`],
  ['url scheme', (c) => `\u0001javascript:${c}`],
  ['url scheme', (c) => `data:text/html,<script>${c}</script>`],
  ['url scheme', (c) => `data:text/html;base64,${base64(`<script>${c}</script>`)}`],
  ['url scheme', (c) => `DATA:text/html,<svg onload=${c}>`],
  ['url scheme', (c) => `vbscript:${c}`],
  ['url scheme', (c) => `VbScRiPt:${c}`],
  ['url scheme', (c) => `<a href="javascript:${c}">x</a>`],
  ['url scheme', (c) => `<a href=" &#14;  javascript:${c}">x</a>`],
  ['url scheme', (c) => `<a href="jav&#x0A;ascript:${c}">x</a>`],
  // Breaking out of an attribute or a script string the text might be put in.
  ['attribute breakout', (c) => `" onmouseover="${c}`],
  ['attribute breakout', (c) => `' onmouseover='${c}`],
  ['attribute breakout', (c) => `" autofocus onfocus="${c}`],
  ['attribute breakout', (c) => `"><img src=x onerror=${c}>`],
  ['attribute breakout', (c) => `'><svg onload=${c}>`],
  ['attribute breakout', (c) => `\` onmouseover=${c} \``],
  ['attribute breakout', (c) => `x" onerror="${c}" y="`],
  ['attribute breakout', (c) => `"/><script>${c}</script>`],
  ['attribute breakout', (c) => `" style="background:url(javascript:${c})`],
  ['attribute breakout', (c) => `';${c};//`],
  ['attribute breakout', (c) => `";${c};//`],
  ['attribute breakout', (c) => `\\";${c};//`],
  ['attribute breakout', (c) => `'-${c}-'`],
  // Template literals, JSX and client-side template syntax.
  ['template', (c) => '${' + c + '}'],
  ['template', (c) => '`${' + c + '}`'],
  ['template', (c) => `{${c}}`],
  ['template', (c) => `{{${c}}}`],
  ['template', (c) => `{{constructor.constructor('${c}')()}}`],
  ['template', (c) => `<%= ${c} %>`],
  ['template', (c) => `#{${c}}`],
  ['template', (c) => `<div dangerouslySetInnerHTML={{__html: '<img src=x onerror=${c}>'}} />`],
  ['template', (c) => `{"__html":"<img src=x onerror=${c}>"}`],
  ['template', (c) => `{{plan}}<img src=x onerror=${c}>{{asset}}`],
  // Markdown, should any text ever be rendered as markdown.
  ['markdown', (c) => `[x](javascript:${c})`],
  ['markdown', (c) => `[x](JaVaScRiPt:${c})`],
  ['markdown', (c) => `![x](x" onerror="${c})`],
  ['markdown', (c) => `[x](data:text/html,<script>${c}</script>)`],
  ['markdown', (c) => `[x]( javascript:${c} )`],
  ['markdown', (c) => `[x]: javascript:${c}`],
  ['markdown', (c) => `<details><summary>x</summary><img src=x onerror=${c}></details>`],
  ['markdown', (c) => `- [ ] <img src=x onerror=${c}>`],
  ['markdown', (c) => `**<a href="javascript:${c}">bold</a>**`],
  // CSS: leaving a style element, expressions, and requests out of the app.
  ['css', (c) => `</style><script>${c}</script>`],
  ['css', (c) => `</style><img src=x onerror=${c}>`],
  ['css', (c) => `<style>body{background:url("javascript:${c}")}</style>`],
  ['css', (c, id) => `<style>@import "//css${id}.${MARKER_HOST}/a.css";</style>`],
  ['css', (c, id) => `red;background:url(//css${id}.${MARKER_HOST}/)`],
  ['css', (c) => `<div style="width:expression(${c})">x</div>`],
  ['css', (c) => `x:expression(${c})`],
  ['css', (c) => `<link rel=stylesheet href="javascript:${c}">`],
  // Unicode: direction overrides, look-alikes, invisible characters.
  ['unicode', (c) => `\u202Egnp.<img src=x onerror=${c}>exe`],
  ['unicode', (c) => `\u202E>tpircs/<${c}>tpircs<\u202C`],
  ['unicode', (c) => `\uFF1Cscript\uFF1E${c}\uFF1C/script\uFF1E`],
  ['unicode', (c) => `<scr\u200Dipt>${c}</scr\u200Dipt>`],
  ['unicode', (c) => `\uFEFF<script>${c}</script>`],
  ['unicode', (c) => `</script>\u2028<script>${c}\u2029</script>`],
  ['unicode', (c) => `j\u0430vascript:${c}`],
  ['unicode', (c) => `\u{1F469}\u200D\u{1F4BB}<svg onload=${c}>`],
  ['unicode', (c) => `%C0%BCscript%C0%BE${c}%C0%BC/script%C0%BE`],
  // Long text: at a title's limit, at a note's, and most of a description's.
  ['long', (c) => `${'A'.repeat(200 - `<img src=x onerror=${c}>`.length)}<img src=x onerror=${c}>`],
  ['long', (c) => `${'<b>'.repeat(600)}<img src=x onerror=${c}>`.slice(-1990)],
  ['long', (c) => `${'<div title="x">'.repeat(1150)}<svg onload=${c}>`],
  // Polyglots that run in many contexts at once.
  [
    'polyglot',
    (c) =>
      'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=' +
      c +
      ' )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=' +
      c +
      '//>\\x3e',
  ],
  [
    'polyglot',
    (c) =>
      `'">><marquee><img src=x onerror=${c}></marquee>"></plaintext\\></|\\><plaintext/onmouseover=${c}><script>${c}</script>` +
      `@xss.test<isindex formaction=javascript:${c} type=submit>'-->"></script><script>${c}</script>` +
      `"><img/id="${c}"/alt="/"src="/"onerror=eval(id)>'"><img src="http://${MARKER_HOST}/x.jpg">`,
  ],
  [
    'polyglot',
    (c) =>
      `javascript:"/*'/*\`/*--></noscript></title></textarea></style></template></noembed></script><html " onmouseover=/*&lt;svg/*/onload=${c}//>`,
  ],
  ['polyglot', (c) => `-->'"/></sCript><deTailS open x=">" ontoggle=${c}>`],
  ['polyglot', (c) => `"'--></noscript></noembed></template></title></textarea></style><script>${c}</script>`],
  ['polyglot', (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>">`],
  ['polyglot', (c) => `<!--<img src="--><img src=x onerror=${c}//">`],
  ['polyglot', (c) => `<![CDATA[<script>${c}</script>]]>`],
  ['polyglot', (c) => `<xmp><img src=x onerror=${c}></xmp>`],
  ['polyglot', (c) => `<template><img src=x onerror=${c}></template><plaintext>`],
  ['polyglot', (c) => `<form id=${MARKER}Form><input name=action value="javascript:${c}"></form>`],
  ['polyglot', (c) => `${percent('<svg onload=')}${c}${percent('>')}`],
  // The classic dialogs, so that a run would also show as a dialog.
  ['dialog', (c, id) => `<script>${c};alert(${id})</script>`],
  ['dialog', (c, id) => `<img src=x onerror="${c};confirm(${id})">`],
  ['dialog', (c, id) => `<svg onload="${c};prompt(${id})">`],
  ['dialog', (c, id) => `"><body onload="${c};alert(document.domain+${id})">`],
  // Valid e-mail addresses (a quoted local part may hold markup) for the fields that want one.
  ['email', (c) => `"<svg/onload=${c}>"@xss.test`],
  ['email', (c) => `"<img/src/onerror=${c}>"@xss.test`],
  ['email', (c) => `"><script>${c}</script>"@xss.test`],
  ['email', (c) => `"javascript:${c}"@xss.test`],
  ['email', (c) => `"'onmouseover='${c}"@xss.test`],
  ['email', (c) => `"<a href=javascript:${c}>x</a>"@xss.test`],
];

/** The corpus, numbered from 1 in the order above. */
export const XSS_CORPUS: readonly XssPayload[] = BUILDERS.map(([family, build], index) => {
  const id = index + 1;
  return { id, family, text: build(`${MARKER}(${id})`, id) };
});

export function payloadById(id: number): XssPayload | undefined {
  return XSS_CORPUS[id - 1];
}

/** Text as the checks compare it: whitespace runs as one space, ends trimmed. */
export function normalisedText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Payloads packed into values of at most `max` characters, joined by `separator`, in corpus order. */
export interface PackedValue {
  text: string;
  ids: number[];
}

export function packPayloads(
  payloads: readonly XssPayload[],
  max: number,
  separator = ' ',
): { packs: PackedValue[]; tooLong: number[] } {
  const packs: PackedValue[] = [];
  const tooLong: number[] = [];
  let current: PackedValue | null = null;
  for (const payload of payloads) {
    if (payload.text.length > max) {
      tooLong.push(payload.id);
      continue;
    }
    if (current && current.text.length + separator.length + payload.text.length <= max) {
      current.text += separator + payload.text;
      current.ids.push(payload.id);
    } else {
      current = { text: payload.text, ids: [payload.id] };
      packs.push(current);
    }
  }
  return { packs, tooLong };
}
