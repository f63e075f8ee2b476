/**
 * Python literals as they appear in plain attributes (`values="'a','b',3"`, `target="CSV(delimiter=',')"`).
 * Deliberately tiny: str, int, float, True/False/None, and lists of those. Scripts go through src/script.
 */
export interface TargetCall {
  name: string;
  kwargs: Record<string, unknown>;
}

class LiteralReader {
  pos = 0;
  constructor(readonly text: string) {}

  space(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  done(): boolean {
    this.space();
    return this.pos >= this.text.length;
  }

  peek(): string {
    this.space();
    return this.text[this.pos] ?? '';
  }

  expect(c: string): void {
    if (this.peek() !== c) throw new SyntaxError(`expected '${c}' at offset ${this.pos} in ${this.text}`);
    this.pos++;
  }

  value(): unknown {
    const c = this.peek();
    if (c === "'" || c === '"') return this.string(c);
    if (c === '[' || c === '(') {
      const close = c === '[' ? ']' : ')';
      this.pos++;
      const out: unknown[] = [];
      while (this.peek() !== close) {
        out.push(this.value());
        if (this.peek() === ',') this.pos++;
        else break;
      }
      this.expect(close);
      return out;
    }
    const m = /^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (m) {
      this.pos += m[0].length;
      return Number(m[0]);
    }
    const w = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (w) {
      this.pos += w[0].length;
      if (w[0] === 'True' || w[0] === 'true') return true;
      if (w[0] === 'False' || w[0] === 'false') return false;
      if (w[0] === 'None') return null;
      throw new SyntaxError(`unexpected name ${w[0]} in ${this.text}`);
    }
    throw new SyntaxError(`unexpected '${c}' at offset ${this.pos} in ${this.text}`);
  }

  string(q: string): string {
    this.pos++;
    let out = '';
    while (this.pos < this.text.length && this.text[this.pos] !== q) {
      const ch = this.text[this.pos] as string;
      if (ch === '\\') {
        const n = this.text[this.pos + 1] ?? '';
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
        this.pos += 2;
      } else {
        out += ch;
        this.pos++;
      }
    }
    if (this.pos >= this.text.length) throw new SyntaxError(`unterminated string in ${this.text}`);
    this.pos++;
    return out;
  }

  ident(): string {
    this.space();
    const w = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.text.slice(this.pos));
    if (!w) throw new SyntaxError(`expected a name at offset ${this.pos} in ${this.text}`);
    this.pos += w[0].length;
    return w[0];
  }
}

/** `'a','b',3` or `['a','b']` → ['a','b',3]. Throws SyntaxError. */
export function parseLiteralList(text: string): unknown[] {
  const r = new LiteralReader(text);
  if (r.peek() === '[') {
    const v = r.value() as unknown[];
    if (!r.done()) throw new SyntaxError(`unexpected text after list in ${text}`);
    return v;
  }
  const out: unknown[] = [];
  while (!r.done()) {
    out.push(r.value());
    if (r.done()) break;
    r.expect(',');
  }
  return out;
}

/** `CSV(delimiter=','), JSON` → [{name:'CSV', kwargs:{delimiter:','}}, {name:'JSON', kwargs:{}}]. */
export function parseTargetList(text: string): TargetCall[] {
  const r = new LiteralReader(text);
  const out: TargetCall[] = [];
  while (!r.done()) {
    const name = r.ident();
    const kwargs: Record<string, unknown> = {};
    if (r.peek() === '(') {
      r.pos++;
      while (r.peek() !== ')') {
        const k = r.ident();
        r.expect('=');
        kwargs[k] = r.value();
        if (r.peek() === ',') r.pos++;
        else break;
      }
      r.expect(')');
    }
    out.push({ name, kwargs });
    if (r.done()) break;
    r.expect(',');
  }
  return out;
}
