import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';
import type { CallSpec } from './types';

/**
 * A tiny recursive-descent parser for the call syntax of `generator=`, `entity=` and `converter=` attributes:
 * `Name`, `Name(arg, kw=arg)`, optionally prefixed by `new `. Arguments are literals only (no expressions), so a
 * descriptor cannot run code through these attributes.
 */
class Cursor {
  pos = 0;
  constructor(
    readonly text: string,
    readonly location: SourceLocation,
    readonly base = 0,
  ) {}

  fail(message: string, at = this.pos): never {
    const loc = { ...this.location, column: this.location.column + this.base + at };
    throw new MimicfixError('MIMICFIX_DESCRIPTOR_INVALID', `${message} in "${this.text}" (at offset ${at})`, {
      location: loc,
      hint: 'Write Name or Name(arg=literal, ...) with str, int, float, True/False/None or list literals.',
    });
  }

  skipWs(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  eof(): boolean {
    return this.pos >= this.text.length;
  }

  expect(ch: string): void {
    this.skipWs();
    if (this.peek() !== ch)
      this.fail(this.eof() ? `expected "${ch}" but the text ended` : `expected "${ch}"`);
    this.pos++;
  }

  ident(): string {
    this.skipWs();
    const m = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(this.text.slice(this.pos));
    if (!m) this.fail('expected a name');
    this.pos += m[0].length;
    return m[0];
  }

  literal(): unknown {
    this.skipWs();
    const ch = this.peek();
    if (ch === "'" || ch === '"') return this.string(ch);
    if (ch === '[') return this.list(']');
    if (ch === '(') return this.list(')');
    const rest = this.text.slice(this.pos);
    const num = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(rest);
    if (num) {
      this.pos += num[0].length;
      const t = num[0];
      return /[.eE]/.test(t) ? Number.parseFloat(t) : Number.parseInt(t, 10);
    }
    const word = /^[A-Za-z_]\w*/.exec(rest);
    if (word) {
      const w = word[0];
      const consts: Record<string, unknown> = {
        True: true,
        False: false,
        None: null,
        true: true,
        false: false,
      };
      if (w in consts) {
        this.pos += w.length;
        return consts[w];
      }
      this.fail(`"${w}" is not a literal (only strings, numbers, True/False/None and lists are allowed)`);
    }
    this.fail(this.eof() ? 'expected a value but the text ended' : `unexpected character "${ch}"`);
  }

  string(quote: string): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    while (!this.eof()) {
      const c = this.text[this.pos] as string;
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        const n = this.text[this.pos + 1];
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
        if (n !== undefined && n in map) {
          out += map[n];
          this.pos += 2;
          continue;
        }
      }
      out += c;
      this.pos++;
    }
    this.fail('unterminated string literal', start);
  }

  list(close: string): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    this.skipWs();
    while (this.peek() !== close) {
      if (this.eof()) this.fail(`expected "${close}" but the text ended`);
      out.push(this.literal());
      this.skipWs();
      if (this.peek() === ',') {
        this.pos++;
        this.skipWs();
      } else if (this.eof()) this.fail(`expected "${close}" but the text ended`);
      else if (this.peek() !== close) this.fail(`expected "," or "${close}"`);
    }
    this.pos++;
    return out;
  }
}

/**
 * Parses `Name`, `Name(...)` or `new Name(...)`. `baseOffset` is added to the error column (used when the spec is
 * one item of a comma-separated converter list). Throws MIMICFIX_DESCRIPTOR_INVALID with the location.
 */
export function parseCallSpec(text: string, location: SourceLocation, baseOffset = 0): CallSpec {
  const c = new Cursor(text, location, baseOffset);
  c.skipWs();
  if (/^new\s+/.test(text.slice(c.pos)))
    c.pos += (/^new\s+/.exec(text.slice(c.pos)) as RegExpExecArray)[0].length;
  const name = c.ident();
  const args: unknown[] = [];
  const kwargs: Record<string, unknown> = {};
  c.skipWs();
  if (c.peek() === '(') {
    c.pos++;
    c.skipWs();
    while (c.peek() !== ')') {
      if (c.eof()) c.fail('expected ")" but the text ended');
      const save = c.pos;
      const kw = /^([A-Za-z_]\w*)\s*=(?!=)/.exec(text.slice(c.pos));
      if (kw) {
        const key = kw[1] as string;
        c.pos += kw[0].length;
        if (key in kwargs) c.fail(`argument "${key}" is given twice`, save);
        kwargs[key] = c.literal();
      } else {
        if (Object.keys(kwargs).length > 0) c.fail('positional argument after keyword argument', save);
        args.push(c.literal());
      }
      c.skipWs();
      if (c.peek() === ',') {
        c.pos++;
        c.skipWs();
      } else if (c.eof()) c.fail('expected ")" but the text ended');
      else if (c.peek() !== ')') c.fail('expected "," or ")"');
    }
    c.pos++;
  }
  c.skipWs();
  if (!c.eof()) c.fail(`unexpected "${c.text.slice(c.pos)}" after the call`);
  return { name, args, kwargs };
}

/** Splits `A, B('x,y'), C(1, 2)` at top-level commas; returns each part with its start offset. */
export function splitTopLevel(text: string): { part: string; offset: number }[] {
  const parts: { part: string; offset: number }[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push({ part: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  parts.push({ part: text.slice(start), offset: start });
  return parts.filter((p) => p.part.trim() !== '');
}
