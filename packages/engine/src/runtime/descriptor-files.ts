import path from 'node:path';
import { validateDescriptor } from '../descriptor/validate';
import type { SourceLocation } from '../errors/mimicfix-error';
import { readTextFile, resolveInRoot } from '../files/resolve-path';
import { parseXml } from '../xml/parse-xml';
import type { XmlElement } from '../xml/xml-node';

/** Reads, parses and validates descriptor files of one run (each once), resolving paths against the root. */
export class DescriptorFiles {
  readonly rootDir: string;
  readonly rootFile: string;
  private readonly parsed = new Map<string, XmlElement>();
  private readonly texts = new Map<string, string>();

  /** `lenient`: only the document shape is validated (scanDescriptor, which also serves remote descriptors). */
  constructor(
    rootPath: string,
    private readonly lenient = false,
  ) {
    this.rootFile = path.resolve(rootPath);
    this.rootDir = path.dirname(this.rootFile);
  }

  resolve(uri: string, location?: SourceLocation): string {
    return resolveInRoot(this.rootDir, uri, location);
  }

  text(abs: string, uri: string, location?: SourceLocation): string {
    let t = this.texts.get(abs);
    if (t === undefined) {
      t = readTextFile(abs, uri, location);
      this.texts.set(abs, t);
    }
    return t;
  }

  descriptor(abs: string, uri: string, location?: SourceLocation): XmlElement {
    let el = this.parsed.get(abs);
    if (!el) {
      el = parseXml(this.text(abs, uri, location), abs);
      validateDescriptor(el, { lenient: this.lenient });
      this.parsed.set(abs, el);
    }
    return el;
  }

  root(): XmlElement {
    return this.descriptor(this.rootFile, path.basename(this.rootFile));
  }
}
