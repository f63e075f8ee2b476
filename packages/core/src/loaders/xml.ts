import { datasetLoadError } from './load-error';

type XmlValue = string | XmlObject | XmlValue[];
interface XmlObject {
  [name: string]: XmlValue;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * An XML artifact (`<list><item>…</item>…</list>`) as one object per `<item>`: a child element with text becomes
 * a string, one with children an object, repeated children an array; attributes become `@name` keys (and the text
 * of such an element `#text`), as xmltodict reads them. Values are strings.
 */
export function parseXmlItems(text: string, file = '<xml>'): Record<string, unknown>[] {
  const root = parseXml(text, file);
  if (root === undefined) return [];
  // Every child of the root is a record (DATAMIMIC writes <item>, but the element name is configurable).
  return root.children.map((item) => toObject(item) as Record<string, unknown>);
}

interface Node {
  name: string;
  attrs: Array<[string, string]>;
  children: Node[];
  text: string;
}

function toObject(node: Node): XmlValue {
  if (node.children.length === 0 && node.attrs.length === 0) return node.text;
  const out: XmlObject = {};
  for (const [k, v] of node.attrs) out[`@${k}`] = v;
  if (node.children.length === 0 && node.text.trim() !== '') out['#text'] = node.text;
  for (const child of node.children) {
    const value = toObject(child);
    const existing = out[child.name];
    if (existing === undefined) out[child.name] = value;
    else if (Array.isArray(existing) && (existing as XmlValue[] & { __multi?: true }).__multi)
      existing.push(value);
    else {
      const arr = [existing, value] as XmlValue[] & { __multi?: true };
      Object.defineProperty(arr, '__multi', { value: true, enumerable: false });
      out[child.name] = arr;
    }
  }
  return out;
}

function parseXml(text: string, file: string): Node | undefined {
  const stack: Node[] = [];
  let root: Node | undefined;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt === -1 ? n : lt);
    const top = stack[stack.length - 1];
    if (top && chunk) top.text += decode(chunk, file);
    if (lt === -1) break;
    if (text.startsWith('<?', lt)) {
      i = after(text, '?>', lt, file);
    } else if (text.startsWith('<!--', lt)) {
      i = after(text, '-->', lt, file);
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      if (end === -1) throw datasetLoadError(file, 'unterminated CDATA section');
      if (top) top.text += text.slice(lt + 9, end);
      i = end + 3;
    } else if (text.startsWith('<!', lt)) {
      throw datasetLoadError(file, 'DOCTYPE/entity declarations are not accepted');
    } else if (text[lt + 1] === '/') {
      const gt = text.indexOf('>', lt);
      if (gt === -1) throw datasetLoadError(file, 'unterminated closing tag');
      const name = text.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw datasetLoadError(file, `unexpected </${name}>`);
      if (open.children.length > 0) open.text = '';
      i = gt + 1;
    } else {
      const gt = findTagEnd(text, lt, file);
      const selfClosing = text[gt - 1] === '/';
      const inner = text.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const name = /^[^\s/>]+/.exec(inner)?.[0];
      if (!name) throw datasetLoadError(file, `malformed tag at offset ${lt}`);
      const node: Node = { name, attrs: parseAttrs(inner.slice(name.length), file), children: [], text: '' };
      if (top) top.children.push(node);
      else if (root) throw datasetLoadError(file, 'more than one root element');
      else root = node;
      if (!selfClosing) stack.push(node);
      i = gt + 1;
    }
  }
  if (stack.length > 0) throw datasetLoadError(file, `<${stack[stack.length - 1]?.name}> is not closed`);
  return root;
}

function parseAttrs(s: string, file: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of s.matchAll(/([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    out.push([m[1] as string, decode(m[3] ?? m[4] ?? '', file)]);
  }
  return out;
}

function findTagEnd(text: string, from: number, file: string): number {
  let quote: string | undefined;
  for (let j = from + 1; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
  }
  throw datasetLoadError(file, 'unterminated tag');
}

function after(text: string, end: string, from: number, file: string): number {
  const j = text.indexOf(end, from);
  if (j === -1) throw datasetLoadError(file, `unterminated ${text.slice(from, from + 4)}`);
  return j + end.length;
}

function decode(s: string, file: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    const v = ENTITIES[e];
    if (v === undefined) throw datasetLoadError(file, `unknown entity ${m}`);
    return v;
  });
}
