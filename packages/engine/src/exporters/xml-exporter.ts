import path from 'node:path';
import type { ArtifactInfo } from '../api';
import { artifactPath } from '../files/resolve-path';
import { BufferedFile } from './buffered-file';
import type { RecordSink } from './exporter';
import { pyCell } from './py-cell';
import { isoformat, pyNumber } from './py-format';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escAttr(s: string): string {
  return `"${esc(s).replace(/"/g, '&quot;')}"`;
}

/** DATAMIMIC's XML sanitising: None→"None" at top level but "" inside dicts; bool→true/false; dates→%Y-%m-%d. */
function text(v: unknown, inDict: boolean): string {
  if (v === null || v === undefined) return inDict ? '' : 'None';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return pyNumber(v);
  if (v instanceof Date) return isoformat(v).slice(0, 10);
  if (typeof v === 'object' && typeof (v as { isoformat?: unknown }).isoformat === 'function') {
    return (v as { isoformat(): string }).isoformat().slice(0, 10);
  }
  return pyCell(v);
}

/**
 * xmltodict.unparse of one key/value: lists repeat the tag, dicts nest, `@x` keys become attributes.
 * `inDict` is true for values of a nested dict, where DATAMIMIC writes None as "" (elsewhere as "None").
 */
function element(tag: string, v: unknown, inDict: boolean): string {
  if (Array.isArray(v)) {
    let out = '';
    for (const item of v) out += element(tag, item, false);
    return out;
  }
  if (
    v !== null &&
    typeof v === 'object' &&
    !(v instanceof Date) &&
    typeof (v as { isoformat?: unknown }).isoformat !== 'function'
  ) {
    return `<${tag}${dictBody(v as Record<string, unknown>, true)}</${tag}>`;
  }
  return `<${tag}>${esc(text(v, inDict))}</${tag}>`;
}

/** Attributes + `>` + children of a dict element. */
function dictBody(obj: Record<string, unknown>, nestedDict: boolean): string {
  let attrs = '';
  let body = '';
  for (const k of Object.keys(obj)) {
    const child = obj[k];
    if (k.startsWith('@')) attrs += ` ${k.slice(1)}=${escAttr(text(child, nestedDict))}`;
    else if (k === '#text') body += esc(text(child, nestedDict));
    else body += element(k, child, nestedDict);
  }
  return `${attrs}>${body}`;
}

function recordElement(tag: string, record: Record<string, unknown>): string {
  return `<${tag}${dictBody(record, false)}</${tag}>`;
}

export interface XmlSinkOptions {
  rootElement: string;
  itemElement: string;
}

/**
 * DATAMIMIC's XMLExporter layout: `<list>\n` + one `<item>...</item>\n` per record + `</list>` (no declaration
 * for UTF-8, no trailing newline). Its quirk is kept: a file with one record of one field holds only that field.
 */
export class XmlSink implements RecordSink {
  private readonly file: BufferedFile;
  private records = 0;
  private first: string | undefined;
  private firstSingle: string | undefined;

  constructor(
    outDir: string,
    private readonly name: string,
    private readonly opts: XmlSinkOptions,
  ) {
    this.file = new BufferedFile(artifactPath(outDir, `${name}.xml`));
    this.file.write(`<${opts.rootElement}>\n`);
  }

  add(record: Record<string, unknown>): void {
    const item = recordElement(this.opts.itemElement, record);
    if (this.records === 0) {
      this.first = item;
      const keys = Object.keys(record).filter((k) => !k.startsWith('@'));
      const only = keys[0];
      if (keys.length === 1 && only !== undefined && !Array.isArray(record[only])) {
        const inner = element(only, record[only], false);
        this.firstSingle = inner.replace(/^<([^>\s]+)([^>]*)><\/\1>$/, '<$1$2/>');
      }
    } else {
      if (this.first !== undefined) {
        this.file.write(`${this.first}\n`);
        this.first = undefined;
      }
      this.file.write(`${item}\n`);
    }
    this.records++;
  }

  close(): ArtifactInfo[] {
    if (this.records === 1 && this.firstSingle !== undefined) {
      this.file.discard();
      this.file.write(this.firstSingle);
    } else {
      if (this.first !== undefined) this.file.write(`${this.first}\n`);
      this.file.write(`</${this.opts.rootElement}>`);
    }
    this.file.close();
    return [{ name: this.name, file: `${this.name}.xml`, format: 'xml', records: this.records }];
  }
}
