import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';
import type { XmlAttribute, XmlElement } from './xml-node';

/**
 * A small, strict XML parser written for descriptors: it records the exact line:column of every element and
 * attribute (what error messages need), and it refuses DOCTYPE and entity declarations outright so that no
 * external or expanding entity can ever be resolved. Only the five predefined entities and numeric character
 * references are decoded.
 */
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Deepest element nesting a descriptor may have: keeps every recursive walk over the tree far from the stack limit. */
export const MAX_XML_DEPTH = 256;

const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;

class Cursor {
  pos = 0;
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly src: string,
    readonly file: string,
  ) {
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  loc(offset: number): SourceLocation {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: offset - (this.lineStarts[lo] as number) + 1 };
  }

  fail(message: string, offset = this.pos, hint?: string): never {
    throw new MimicfixError('MIMICFIX_DESCRIPTOR_PARSE', message, {
      location: this.loc(offset),
      hint: hint ?? 'fix the XML so that it is well-formed',
    });
  }

  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  skipSpace(): void {
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  readName(what: string): string {
    const start = this.pos;
    if (!NAME_START.test(this.src[this.pos] ?? '')) this.fail(`expected ${what}`);
    this.pos++;
    while (this.pos < this.src.length && NAME_CHAR.test(this.src[this.pos] as string)) this.pos++;
    return this.src.slice(start, this.pos);
  }
}

function decode(cur: Cursor, raw: string, rawOffset: number): string {
  if (!raw.includes('&')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const amp = raw.indexOf('&', i);
    if (amp < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, amp);
    const semi = raw.indexOf(';', amp);
    if (semi < 0)
      cur.fail('unterminated entity reference (a bare `&` must be written `&amp;`)', rawOffset + amp);
    const ref = raw.slice(amp + 1, semi);
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      const valid = ref[1] === 'x' ? /^#x[0-9a-fA-F]+$/.test(ref) : /^#[0-9]+$/.test(ref);
      if (!valid || !(code > 0 && code <= 0x10ffff))
        cur.fail(`invalid character reference &${ref};`, rawOffset + amp);
      out += String.fromCodePoint(code);
    } else {
      const v = PREDEFINED[ref];
      if (v === undefined) {
        cur.fail(
          `unknown entity &${ref}; (only &lt; &gt; &amp; &quot; &apos; and numeric references are allowed)`,
          rawOffset + amp,
        );
      }
      out += v;
    }
    i = semi + 1;
  }
  return out;
}

function parseAttributes(cur: Cursor, elName: string): { attrs: XmlAttribute[]; selfClosing: boolean } {
  const attrs: XmlAttribute[] = [];
  const src = cur.src;
  for (;;) {
    const before = cur.pos;
    cur.skipSpace();
    if (cur.pos >= src.length) cur.fail(`unterminated start tag <${elName}>`);
    if (cur.startsWith('/>')) {
      cur.pos += 2;
      return { attrs, selfClosing: true };
    }
    if (src[cur.pos] === '>') {
      cur.pos++;
      return { attrs, selfClosing: false };
    }
    if (cur.pos === before) cur.fail(`expected whitespace before attribute in <${elName}>`);
    const nameOffset = cur.pos;
    const name = cur.readName(`an attribute name in <${elName}>`);
    cur.skipSpace();
    if (src[cur.pos] !== '=') cur.fail(`expected '=' after attribute ${name}`);
    cur.pos++;
    cur.skipSpace();
    const q = src[cur.pos];
    if (q !== '"' && q !== "'") cur.fail(`attribute ${name} value must be quoted`);
    const valueStart = cur.pos + 1;
    const end = src.indexOf(q, valueStart);
    if (end < 0) cur.fail(`unterminated value of attribute ${name}`, nameOffset);
    const raw = src.slice(valueStart, end);
    const lt = raw.indexOf('<');
    if (lt >= 0) cur.fail(`'<' is not allowed in attribute values (write &lt;)`, valueStart + lt);
    if (attrs.some((a) => a.name === name)) cur.fail(`duplicate attribute "${name}"`, nameOffset);
    // XML attribute-value normalisation: literal tab/newline become spaces (references are kept).
    const normalised = raw.replace(/\r\n|[\t\n\r]/g, ' ');
    const value = decode(cur, normalised, valueStart);
    const valueLocation = cur.loc(valueStart);
    if (/[\n\r]/.test(raw)) withLineBreaks(valueLocation, raw.replace(/\r\n?/g, '\n'));
    attrs.push({ name, value, location: cur.loc(nameOffset), valueLocation });
    cur.pos = end + 1;
  }
}

/** Records (non-enumerable, so locations still print and compare as file/line/column) where lines break. */
function withLineBreaks(loc: SourceLocation, text: string): void {
  const breaks: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) breaks.push(i);
  Object.defineProperty(loc, 'lineBreaks', { value: breaks, enumerable: false });
}

/** Parses a whole descriptor file. Throws MIMICFIX_DESCRIPTOR_PARSE with file:line:column. */
export function parseXml(text: string, file: string): XmlElement {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const cur: Cursor = new Cursor(src, file);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  while (cur.pos < src.length) {
    const lt = src.indexOf('<', cur.pos);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > cur.pos) {
      const raw = src.slice(cur.pos, textEnd);
      const parent = stack[stack.length - 1];
      if (parent) parent.text += decode(cur, raw, cur.pos);
      else if (raw.trim() !== '') cur.fail('text outside the root element');
      cur.pos = textEnd;
      if (lt < 0) break;
    }
    const start = cur.pos;
    if (cur.startsWith('<!--')) {
      const end = src.indexOf('-->', start + 4);
      if (end < 0) cur.fail('unterminated comment');
      cur.pos = end + 3;
    } else if (cur.startsWith('<![CDATA[')) {
      const end = src.indexOf(']]>', start + 9);
      if (end < 0) cur.fail('unterminated CDATA section');
      const parent = stack[stack.length - 1];
      if (!parent) cur.fail('CDATA outside the root element');
      parent.text += src.slice(start + 9, end);
      cur.pos = end + 3;
    } else if (cur.startsWith('<!DOCTYPE') || cur.startsWith('<!ENTITY') || cur.startsWith('<!')) {
      cur.fail(
        'DOCTYPE and entity declarations are refused in descriptors',
        start,
        'remove the <!DOCTYPE ...> / <!ENTITY ...> declaration; only &lt; &gt; &amp; &quot; &apos; and &#N; are supported',
      );
    } else if (cur.startsWith('<?')) {
      const end = src.indexOf('?>', start + 2);
      if (end < 0) cur.fail('unterminated processing instruction');
      cur.pos = end + 2;
    } else if (cur.startsWith('</')) {
      cur.pos += 2;
      const name = cur.readName('an element name after </');
      cur.skipSpace();
      if (src[cur.pos] !== '>') cur.fail(`expected '>' to close </${name}`);
      cur.pos++;
      const open = stack.pop();
      if (!open) cur.fail(`closing tag </${name}> without an open element`, start);
      if (open.name !== name) {
        cur.fail(
          `closing tag </${name}> does not match <${open.name}> opened at line ${open.location.line}:${open.location.column}`,
          start,
        );
      }
    } else {
      cur.pos++;
      const name = cur.readName('an element name after <');
      if (stack.length >= MAX_XML_DEPTH) {
        cur.fail(
          `elements nested deeper than ${MAX_XML_DEPTH} levels`,
          start,
          'flatten the descriptor; no real descriptor nests this deep',
        );
      }
      const { attrs, selfClosing } = parseAttributes(cur, name);
      const el: XmlElement = { name, attributes: attrs, children: [], text: '', location: cur.loc(start) };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) cur.fail('a document has exactly one root element', start);
      else root = el;
      if (!selfClosing) stack.push(el);
    }
  }
  const open = stack[stack.length - 1];
  if (open) cur.fail(`element <${open.name}> is never closed`, src.length);
  if (!root) cur.fail('the document has no root element', 0);
  return root;
}
