/**
 * What an SVG file holds: its texts (text, titles, comments, labels, editor metadata) and the
 * active content that must not be published — scripts, event handlers, foreign objects, embedded
 * frames, script links and external references. Opened directly, an SVG is a document on the
 * site's origin and runs its scripts there.
 *
 * The source is parsed with hast-util-from-html (a dependency already): the HTML parser is how a
 * browser reads SVG inlined in a page, and it decodes entities, so `&#106;avascript:` arrives as
 * `javascript:`. An SVG opened on its own is read by an XML parser instead, which is stricter
 * about names; so names are compared without case and without namespace prefix (`ONLOAD`,
 * `svg:script`, `xlink:href` are caught), and the two things only XML does — entities declared
 * in the doctype and `<?xml-stylesheet?>` — are looked for in the source itself.
 */
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { shorten, type Findings } from './findings';

/** Elements that run script: HTML and SVG `script`, SVG Tiny's `handler` and `listener`. */
const SCRIPT_ELEMENTS = new Set(['script', 'handler', 'listener']);
/** Elements that embed other documents, plugins or forms. */
const EMBEDDING_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'embed', 'object', 'applet', 'portal', 'base', 'meta', 'link', 'form', 'audio', 'video']);
/** Elements that change another attribute over time: they can turn a link into `javascript:`. */
const ANIMATION_ELEMENTS = new Set(['animate', 'set', 'animatemotion', 'animatetransform', 'animatecolor']);
/** Attributes that hold a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'codebase', 'ping']);
/** URL schemes that run script. */
const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript', 'livescript']);
/** Elements whose `href` may be an image inlined as a data: URL (and CSS, for backgrounds). */
const IMAGE_ELEMENTS = new Set(['image', 'feimage', 'style']);
const IMAGE_DATA = /^data:image\/(png|jpe?g|gif|webp|avif|svg\+xml)[;,]/;
/** Attributes of shape and presentation, whose numbers are not text anyone wrote. */
const GEOMETRY = new Set([
  'd',
  'points',
  'viewbox',
  'transform',
  'gradienttransform',
  'patterntransform',
  'path',
  'keypoints',
  'keytimes',
  'keysplines',
  'values',
  'tablevalues',
  'kernelmatrix',
  'style',
]);
const NUMERIC = /^[-+\d.,\s%eE]*(px|pt|em|ex|rem|deg|s|ms)?$/;
/** Larger SVG sources are not parsed (the tree would take many times their size): no logo is this big. */
const MAX_SVG_LENGTH = 10_000_000;

/** An element's or attribute's name without namespace prefix, lower-cased; hast's `xLinkHref` is `href`. */
function localName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^.*:/, '')
    .replace(/^xlink(?=[a-z])/, '');
}

/** An attribute's name as written, for messages: hast's `xLinkHref` → `xlink:href`, `onLoad` → `onload`. */
function writtenName(key: string): string {
  return key.startsWith('xLink') ? `xlink:${key.slice(5).toLowerCase()}` : key.toLowerCase();
}

/** A URL as a browser reads it: control characters and whitespace removed, lower case. */
function normaliseUrl(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
}

/** CSS without its comments: a loop of indexOf, linear even when a comment is never closed. */
function withoutComments(css: string): string {
  let out = '';
  let at = 0;
  for (let open = css.indexOf('/*'); open >= 0; open = css.indexOf('/*', at)) {
    out += css.slice(at, open);
    const close = css.indexOf('*/', open + 2);
    if (close < 0) return out;
    at = close + 2;
  }
  return out + css.slice(at);
}

/** CSS with comments removed and escapes resolved (`\6a` is `j`), so `url()` and `@import` show. */
function normaliseCss(css: string): string {
  return withoutComments(css)
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => {
      const codePoint = Number.parseInt(hex, 16);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '';
    })
    .replace(/\\(.)/g, '$1');
}

/** The SVG reader for one file. */
class SvgReader {
  readonly embedded: string[] = [];
  private readonly metadataTexts: string[][] = [];
  private readonly texts: string[] = [];
  private readonly attributes: string[] = [];
  private readonly comments: string[] = [];

  constructor(private readonly findings: Findings) {}

  /** Checks a URL found in `attribute` of `element` (`url()` for CSS). */
  url(element: string, attribute: string, value: string): void {
    const url = normaliseUrl(value);
    if (url === '' || url.startsWith('#')) return;
    const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
    const detail = attribute === 'url()' ? `url(${shorten(value, 40)})` : `<${element} ${attribute}="${shorten(value, 40)}">`;
    if (scheme && SCRIPT_SCHEMES.has(scheme)) return this.findings.problem('svg-unsafe-link', { detail });
    if (scheme === 'data') {
      if (IMAGE_ELEMENTS.has(element) && IMAGE_DATA.test(url)) this.embedded.push(value.trim());
      else this.findings.problem('svg-unsafe-link', { detail });
      return;
    }
    // A link takes the reader elsewhere when clicked; anything else loads the file with the image.
    if (element !== 'a') this.findings.problem('svg-external-reference', { detail });
  }

  /** Checks CSS (a `<style>` element or a `style`, `fill`, `filter` … attribute). */
  css(text: string): void {
    const css = normaliseCss(text);
    if (/@import/i.test(css)) this.findings.problem('svg-external-reference', { detail: '@import' });
    const active = /expression\s*\(|behavior\s*:|-moz-binding|(?:java|vb)script\s*:/i.exec(css);
    if (active) this.findings.problem('svg-unsafe-link', { detail: `CSS ${active[0]}` });
    // `[^)]*` rather than a lazy match keeps this linear on a hostile stylesheet.
    for (const match of css.matchAll(/url\(\s*(['"]?)([^)'"]*)/gi)) this.url('style', 'url()', match[2]!);
  }

  /** Checks an element and records its attribute texts. */
  element(node: Element): void {
    const name = localName(node.tagName);
    const tag = `<${node.tagName}>`;
    if (SCRIPT_ELEMENTS.has(name)) this.findings.problem('svg-script', { detail: tag });
    if (name === 'foreignobject') this.findings.problem('svg-foreign-object', { detail: tag });
    if (EMBEDDING_ELEMENTS.has(name)) this.findings.problem('svg-embedded-content', { detail: tag });
    if (name === 'metadata' && node.children.length > 0) this.findings.problem('svg-metadata');
    if (ANIMATION_ELEMENTS.has(name)) this.animation(node, name);
    for (const [key, raw] of Object.entries(node.properties)) {
      if (raw === null || raw === undefined || raw === false) continue;
      const value = Array.isArray(raw) ? raw.join(' ') : String(raw);
      const attribute = localName(key);
      if (attribute.startsWith('on')) this.findings.problem('svg-event-handler', { detail: `${writtenName(key)}="${shorten(value, 30)}"` });
      else if (URL_ATTRIBUTES.has(attribute)) this.url(name, writtenName(key), value);
      if (/url\s*\(|@import|expression\s*\(/i.test(value)) this.css(value);
      if (!GEOMETRY.has(attribute) && !attribute.startsWith('xmlns') && !NUMERIC.test(value)) this.attributes.push(value);
    }
  }

  /** `<set attributeName="href" to="javascript:…">` and `<animate attributeName="onclick">`. */
  private animation(node: Element, name: string): void {
    const target = localName(String(node.properties['attributeName'] ?? ''));
    if (target.startsWith('on')) this.findings.problem('svg-event-handler', { detail: `<${node.tagName} attributeName="${target}">` });
    if (!URL_ATTRIBUTES.has(target)) return;
    for (const key of ['to', 'from', 'by', 'values']) {
      const value = node.properties[key];
      if (value === undefined || value === null) continue;
      for (const part of String(value).split(';')) this.url(name, key, part);
    }
  }

  /** Walks the tree without recursion: a crafted file may nest elements thousands deep. */
  walk(root: Nodes): void {
    const stack: { node: Nodes; metadata: string[] | undefined }[] = [{ node: root, metadata: undefined }];
    while (stack.length > 0) {
      const { node, metadata } = stack.pop()!;
      if (node.type === 'text') (metadata ?? this.texts).push(node.value);
      else if (node.type === 'comment') this.comments.push(node.value);
      if (node.type !== 'element' && node.type !== 'root') continue;
      let inner = metadata;
      if (node.type === 'element') {
        this.element(node);
        if (localName(node.tagName) === 'style') this.css(node.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
        if (localName(node.tagName) === 'metadata' && !metadata) {
          inner = [];
          this.metadataTexts.push(inner);
        }
      }
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, metadata: inner });
    }
  }

  /** Hands the collected texts to the findings, one piece per kind. */
  finish(): void {
    this.findings.text('svg-text', 'SVG 文字', this.texts.join('\n'));
    this.findings.text('svg-attribute', 'SVG 属性', this.attributes.join('\n'));
    this.findings.text('svg-comment', 'SVG 注释', this.comments.join('\n'));
    for (const metadata of this.metadataTexts) this.findings.text('svg-metadata', 'SVG 元数据（<metadata>）', metadata.join('\n'));
  }
}

/**
 * Reads an SVG's source into `findings`; returns the `data:` URLs of the images it embeds, for
 * the caller to inspect as files of their own.
 */
export function readSvg(source: string, findings: Findings): string[] {
  if (source.length > MAX_SVG_LENGTH) {
    findings.problem('unreadable', { detail: `SVG 超过 ${MAX_SVG_LENGTH / 1_000_000} MB，不予解析` });
    return [];
  }
  const lower = source.toLowerCase();
  // Only an XML parser expands entities declared in the doctype's internal subset: one could hold a <script>.
  const doctype = lower.indexOf('<!doctype');
  const subset = doctype < 0 ? -1 : lower.indexOf('[', doctype);
  const close = doctype < 0 ? -1 : lower.indexOf('>', doctype);
  if ((subset >= 0 && (close < 0 || subset < close)) || lower.includes('<!entity')) findings.problem('svg-entity-declaration');
  if (lower.includes('<?xml-stylesheet')) findings.problem('svg-external-reference', { detail: '<?xml-stylesheet?>' });
  const reader = new SvgReader(findings);
  try {
    reader.walk(fromHtml(source));
  } catch (error) {
    // The parser builds its tree recursively; a file nested deep enough overflows the stack.
    findings.problem('unreadable', { detail: error instanceof RangeError ? 'SVG 的元素嵌套过深，无法解析' : 'SVG 无法解析' });
  }
  reader.finish();
  return reader.embedded;
}
