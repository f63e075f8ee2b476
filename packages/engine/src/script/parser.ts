import type { Comprehension, FStringField, Node, Target } from './ast';
import { decodeEscapes, SyntaxErr, type Token, tokenize } from './tokenizer';

/**
 * Recursive-descent parser with Python's precedence:
 * lambda < if-else < or < and < not < comparisons (chained, in, is) < + - < * / // % < unary < ** < trailers.
 */
export function parseExpression(src: string, offset = 0): Node {
  const p = new Parser(src, offset);
  const node = p.parseTopLevel();
  p.expectEnd();
  return node;
}

const COMPARE_OPS = new Set(['<', '>', '==', '>=', '<=', '!=']);

class Parser {
  private readonly toks: Token[];
  private i = 0;

  constructor(src: string, offset: number) {
    try {
      this.toks = tokenize(src);
    } catch (e) {
      if (e instanceof SyntaxErr) throw new SyntaxErr(e.message, e.pos + offset);
      throw e;
    }
    if (offset !== 0) {
      for (const t of this.toks) {
        t.pos += offset;
        t.end += offset;
        t.bodyPos += offset;
      }
    }
  }

  private get t(): Token {
    return this.toks[this.i] as Token;
  }
  private peek(n = 1): Token {
    return (this.toks[this.i + n] ?? this.toks[this.toks.length - 1]) as Token;
  }
  private next(): Token {
    const t = this.t;
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  private isOp(text: string): boolean {
    return this.t.kind === 'op' && this.t.text === text;
  }
  private isKw(text: string): boolean {
    return this.t.kind === 'kw' && this.t.text === text;
  }
  private fail(message: string, tok: Token = this.t): never {
    throw new SyntaxErr(message, tok.pos);
  }
  private describe(tok: Token): string {
    if (tok.kind === 'eof') return 'end of expression';
    if (tok.kind === 'str' || tok.kind === 'fstr') return 'string';
    return `'${tok.text}'`;
  }
  private expectOp(text: string): Token {
    if (!this.isOp(text)) this.fail(`expected '${text}' but found ${this.describe(this.t)}`);
    return this.next();
  }

  expectEnd(): void {
    if (this.t.kind !== 'eof') {
      if (this.t.kind === 'op' && this.t.text === '=')
        this.fail("assignment '=' is not supported (use '==' to compare)");
      this.fail(`unexpected ${this.describe(this.t)}`);
    }
  }

  /** `a, b` at top level is a tuple, as in Python's eval(). */
  parseTopLevel(): Node {
    if (this.t.kind === 'eof') this.fail('empty expression');
    const first = this.parseTest();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if ((this.t as Token).kind === 'eof') break;
      items.push(this.parseTest());
    }
    return { k: 'tuple', items, pos: first.pos };
  }

  private parseTest(): Node {
    if (this.isKw('lambda')) return this.parseLambda();
    const start = this.t;
    const body = this.parseOr();
    if (this.isKw('if')) {
      this.next();
      const test = this.parseOr();
      if (!this.isKw('else')) this.fail("expected 'else' in conditional expression");
      this.next();
      const orelse = this.parseTest();
      return { k: 'cond', test, body, orelse, pos: start.pos };
    }
    return body;
  }

  private parseLambda(): Node {
    const start = this.next();
    const params: string[] = [];
    const defaults: Node[] = [];
    while (!this.isOp(':')) {
      if (this.t.kind !== 'name') this.fail('expected a parameter name in lambda');
      const name = this.next().text;
      if (params.includes(name)) this.fail(`duplicate argument '${name}' in lambda`);
      params.push(name);
      if (this.isOp('=')) {
        this.next();
        defaults.push(this.parseTest());
      } else if (defaults.length > 0) this.fail('non-default argument follows default argument');
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expectOp(':');
    const body = this.parseTest();
    return { k: 'lambda', params, defaults, body, pos: start.pos };
  }

  private parseOr(): Node {
    const first = this.parseAnd();
    if (!this.isKw('or')) return first;
    const values = [first];
    while (this.isKw('or')) {
      this.next();
      values.push(this.parseAnd());
    }
    return { k: 'bool', op: 'or', values, pos: first.pos };
  }

  private parseAnd(): Node {
    const first = this.parseNot();
    if (!this.isKw('and')) return first;
    const values = [first];
    while (this.isKw('and')) {
      this.next();
      values.push(this.parseNot());
    }
    return { k: 'bool', op: 'and', values, pos: first.pos };
  }

  private parseNot(): Node {
    if (this.isKw('not')) {
      const t = this.next();
      return { k: 'unary', op: 'not', operand: this.parseNot(), pos: t.pos };
    }
    return this.parseComparison();
  }

  private compareOp(): string | null {
    const t = this.t;
    if (t.kind === 'op' && COMPARE_OPS.has(t.text)) return t.text;
    if (t.kind === 'kw') {
      if (t.text === 'in') return 'in';
      if (t.text === 'not' && this.peek().kind === 'kw' && this.peek().text === 'in') return 'not in';
      if (t.text === 'is') return this.peek().kind === 'kw' && this.peek().text === 'not' ? 'is not' : 'is';
    }
    return null;
  }

  private parseComparison(): Node {
    const left = this.parseArith();
    let op = this.compareOp();
    if (op === null) return left;
    const ops: string[] = [];
    const rights: Node[] = [];
    while (op !== null) {
      this.next();
      if (op === 'not in' || op === 'is not') this.next();
      ops.push(op);
      rights.push(this.parseArith());
      op = this.compareOp();
    }
    return { k: 'cmp', left, ops, rights, pos: left.pos };
  }

  private parseArith(): Node {
    let left = this.parseTerm();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next();
      left = { k: 'bin', op: op.text, left, right: this.parseTerm(), pos: op.pos };
    }
    return left;
  }

  private parseTerm(): Node {
    let left = this.parseFactor();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
      const op = this.next();
      left = { k: 'bin', op: op.text, left, right: this.parseFactor(), pos: op.pos };
    }
    return left;
  }

  private parseFactor(): Node {
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.next();
      const operand = this.parseFactor();
      // fold negative literals so `-5` is a constant
      if (operand.k === 'const' && typeof operand.v === 'number') {
        return { k: 'const', v: op.text === '-' ? -operand.v : operand.v, pos: op.pos };
      }
      return { k: 'unary', op: op.text as '-' | '+', operand, pos: op.pos };
    }
    return this.parsePower();
  }

  private parsePower(): Node {
    const base = this.parsePrimary();
    if (this.isOp('**')) {
      const op = this.next();
      // right-associative, and binds tighter than a unary minus on its left: -2**2 == -4
      return { k: 'bin', op: '**', left: base, right: this.parseFactor(), pos: op.pos };
    }
    return base;
  }

  private parsePrimary(): Node {
    let node = this.parseAtom();
    for (;;) {
      if (this.isOp('.')) {
        const dot = this.next();
        if (this.t.kind !== 'name' && this.t.kind !== 'kw') this.fail('expected an attribute name after "."');
        const name = this.next();
        node = { k: 'attr', obj: node, name: name.text, pos: dot.pos };
      } else if (this.isOp('[')) {
        node = this.parseSubscript(node);
      } else if (this.isOp('(')) {
        node = this.parseCall(node);
      } else {
        return node;
      }
    }
  }

  private parseSubscript(obj: Node): Node {
    const open = this.next();
    let lo: Node | null = null;
    if (!this.isOp(':')) {
      lo = this.parseTest();
      if (this.isOp(']')) {
        this.next();
        return { k: 'index', obj, index: lo, pos: open.pos };
      }
      if (this.isOp(',')) {
        const items = [lo];
        while (this.isOp(',')) {
          this.next();
          if (this.isOp(']')) break;
          items.push(this.parseTest());
        }
        this.expectOp(']');
        return { k: 'index', obj, index: { k: 'tuple', items, pos: lo.pos }, pos: open.pos };
      }
    }
    this.expectOp(':');
    let hi: Node | null = null;
    let step: Node | null = null;
    if (!this.isOp(']') && !this.isOp(':')) hi = this.parseTest();
    if (this.isOp(':')) {
      this.next();
      if (!this.isOp(']')) step = this.parseTest();
    }
    this.expectOp(']');
    return { k: 'slice', obj, lo, hi, step, pos: open.pos };
  }

  private parseCall(fn: Node): Node {
    const open = this.next();
    const args: Node[] = [];
    const kwargs: { name: string; value: Node }[] = [];
    while (!this.isOp(')')) {
      if (this.isOp('*') || this.isOp('**')) this.fail('*args and **kwargs in calls are not supported');
      if (this.t.kind === 'name' && this.peek().kind === 'op' && this.peek().text === '=') {
        const name = this.next();
        this.next();
        if (kwargs.some((k) => k.name === name.text))
          this.fail(`keyword argument repeated: ${name.text}`, name);
        kwargs.push({ name: name.text, value: this.parseTest() });
      } else {
        if (kwargs.length > 0) this.fail('positional argument follows keyword argument');
        const arg = this.parseTest();
        if (this.isKw('for')) {
          args.push(this.parseComprehension('gen', arg, null, arg.pos));
          if (!this.isOp(')'))
            this.fail('a generator expression must be the only argument unless parenthesized');
          break;
        }
        args.push(arg);
      }
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expectOp(')');
    return { k: 'call', fn, args, kwargs, pos: open.pos };
  }

  private parseTarget(): Target {
    const first = this.parseTargetAtom();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.isKw('in')) break;
      items.push(this.parseTargetAtom());
    }
    return { k: 'tuple', items, pos: first.pos };
  }

  private parseTargetAtom(): Target {
    if (this.isOp('(')) {
      const open = this.next();
      const inner = this.parseTarget();
      this.expectOp(')');
      return inner.k === 'tuple' ? inner : { k: 'tuple', items: [inner], pos: open.pos };
    }
    if (this.t.kind !== 'name') this.fail(`expected a loop variable name but found ${this.describe(this.t)}`);
    const t = this.next();
    return { k: 'name', id: t.text, pos: t.pos };
  }

  private parseComprehension(
    kind: 'list' | 'set' | 'dict' | 'gen',
    elt: Node,
    value: Node | null,
    pos: number,
  ): Node {
    const gens: Comprehension[] = [];
    while (this.isKw('for')) {
      this.next();
      const target = this.parseTarget();
      if (!this.isKw('in')) this.fail("expected 'in' in comprehension");
      this.next();
      const iter = this.parseOr();
      const ifs: Node[] = [];
      while (this.isKw('if')) {
        this.next();
        ifs.push(this.parseOr());
      }
      gens.push({ target, iter, ifs });
    }
    return { k: 'comp', kind, elt, value, gens, pos };
  }

  private parseAtom(): Node {
    const t = this.t;
    switch (t.kind) {
      case 'num':
        this.next();
        return { k: 'const', v: t.num, pos: t.pos };
      case 'str':
      case 'fstr':
        return this.parseStrings();
      case 'name':
        this.next();
        return { k: 'name', id: t.text, pos: t.pos };
      case 'kw':
        if (t.text === 'None' || t.text === 'True' || t.text === 'False') {
          this.next();
          return { k: 'const', v: t.text === 'None' ? null : t.text === 'True', pos: t.pos };
        }
        return this.fail(`unexpected keyword '${t.text}'`);
      case 'op':
        if (t.text === '(') return this.parseParen();
        if (t.text === '[') return this.parseListDisplay();
        if (t.text === '{') return this.parseBraceDisplay();
        return this.fail(`unexpected ${this.describe(t)}`);
      default:
        return this.fail(
          t.kind === 'eof' ? 'unexpected end of expression' : `unexpected ${this.describe(t)}`,
        );
    }
  }

  private parseParen(): Node {
    const open = this.next();
    if (this.isOp(')')) {
      this.next();
      return { k: 'tuple', items: [], pos: open.pos };
    }
    const first = this.parseTest();
    if (this.isKw('for')) {
      const comp = this.parseComprehension('gen', first, null, open.pos);
      this.expectOp(')');
      return comp;
    }
    if (this.isOp(')')) {
      this.next();
      return first;
    }
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.isOp(')')) break;
      items.push(this.parseTest());
    }
    this.expectOp(')');
    return { k: 'tuple', items, pos: open.pos };
  }

  private parseListDisplay(): Node {
    const open = this.next();
    const items: Node[] = [];
    if (!this.isOp(']')) {
      const first = this.parseTest();
      if (this.isKw('for')) {
        const comp = this.parseComprehension('list', first, null, open.pos);
        this.expectOp(']');
        return comp;
      }
      items.push(first);
      while (this.isOp(',')) {
        this.next();
        if (this.isOp(']')) break;
        items.push(this.parseTest());
      }
    }
    this.expectOp(']');
    return { k: 'list', items, pos: open.pos };
  }

  private parseBraceDisplay(): Node {
    const open = this.next();
    if (this.isOp('}')) {
      this.next();
      return { k: 'dict', keys: [], values: [], pos: open.pos };
    }
    const first = this.parseTest();
    if (this.isOp(':')) {
      this.next();
      const firstValue = this.parseTest();
      if (this.isKw('for')) {
        const comp = this.parseComprehension('dict', first, firstValue, open.pos);
        this.expectOp('}');
        return comp;
      }
      const keys = [first];
      const values = [firstValue];
      while (this.isOp(',')) {
        this.next();
        if (this.isOp('}')) break;
        keys.push(this.parseTest());
        this.expectOp(':');
        values.push(this.parseTest());
      }
      this.expectOp('}');
      return { k: 'dict', keys, values, pos: open.pos };
    }
    if (this.isKw('for')) {
      const comp = this.parseComprehension('set', first, null, open.pos);
      this.expectOp('}');
      return comp;
    }
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (this.isOp('}')) break;
      items.push(this.parseTest());
    }
    this.expectOp('}');
    return { k: 'set', items, pos: open.pos };
  }

  /** Adjacent literals concatenate ('a' 'b', 'a' f'{x}'). */
  private parseStrings(): Node {
    const pos = this.t.pos;
    const parts: (string | FStringField)[] = [];
    let hasF = false;
    while (this.t.kind === 'str' || this.t.kind === 'fstr') {
      const t = this.next();
      if (t.kind === 'str') parts.push(t.text);
      else {
        hasF = true;
        for (const p of parseFStringBody(t.text, t.bodyPos, t.raw)) parts.push(p);
      }
    }
    if (!hasF) return { k: 'const', v: parts.join(''), pos };
    // merge adjacent literal parts
    const merged: (string | FStringField)[] = [];
    for (const p of parts) {
      const last = merged[merged.length - 1];
      if (typeof p === 'string' && typeof last === 'string') merged[merged.length - 1] = last + p;
      else if (p !== '') merged.push(p);
    }
    return { k: 'fstr', parts: merged, pos };
  }
}

/** Finds the end of an embedded expression: the first top-level `}`, `!` (not `!=`), `:` or debug `=`. */
function scanExpressionEnd(body: string, from: number, bodyPos: number): number {
  let depth = 0;
  let i = from;
  while (i < body.length) {
    const c = body[i] as string;
    if (c === "'" || c === '"') {
      const q = c;
      i++;
      while (i < body.length && body[i] !== q) i += body[i] === '\\' ? 2 : 1;
      if (i >= body.length) throw new SyntaxErr('f-string: unterminated string', bodyPos + from);
      i++;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || (c === '}' && depth > 0)) depth--;
    else if (depth === 0) {
      if (c === '}') return i;
      if (c === '!' && body[i + 1] !== '=') return i;
      if (c === ':') return i;
      if (c === '=' && body[i + 1] !== '=' && !'=!<>'.includes(body[i - 1] ?? '')) {
        const after = body[i + 1];
        if (after === '}' || after === '!' || after === ':') return i;
      }
    }
    i++;
  }
  throw new SyntaxErr("f-string: expecting '}'", bodyPos + from - 1);
}

/** Splits an f-string body into literal text and `{expr!conv:spec}` fields. */
export function parseFStringBody(body: string, bodyPos: number, raw: boolean): (string | FStringField)[] {
  const parts: (string | FStringField)[] = [];
  let lit = '';
  let litStart = 0;
  const flushLit = (): void => {
    if (lit !== '') parts.push(raw ? lit : decodeEscapes(lit, bodyPos + litStart));
    lit = '';
  };
  let i = 0;
  while (i < body.length) {
    const c = body[i] as string;
    if (c === '{' && body[i + 1] === '{') {
      lit += '{';
      i += 2;
      continue;
    }
    if (c === '}') {
      if (body[i + 1] === '}') {
        lit += '}';
        i += 2;
        continue;
      }
      throw new SyntaxErr("f-string: single '}' is not allowed", bodyPos + i);
    }
    if (c !== '{') {
      if (lit === '') litStart = i;
      if (c === '\\' && i + 1 < body.length) {
        lit += body.slice(i, i + 2);
        i += 2;
        continue;
      }
      lit += c;
      i++;
      continue;
    }
    flushLit();
    const exprStart = i + 1;
    let end = scanExpressionEnd(body, exprStart, bodyPos);
    const exprText = body.slice(exprStart, end);
    if (exprText.trim() === '') throw new SyntaxErr('f-string: empty expression not allowed', bodyPos + i);
    const expr = parseExpression(exprText, bodyPos + exprStart);
    let debugText: string | null = null;
    if (body[end] === '=') {
      debugText = `${exprText}=`;
      end++;
    }
    let conv: 's' | 'r' | null = debugText !== null ? 'r' : null;
    if (body[end] === '!') {
      const cv = body[end + 1];
      if (cv !== 's' && cv !== 'r' && cv !== 'a')
        throw new SyntaxErr(
          "f-string: invalid conversion character: expected 's', 'r', or 'a'",
          bodyPos + end,
        );
      conv = cv === 's' ? 's' : 'r';
      end += 2;
    }
    let spec: string | Node = '';
    if (body[end] === ':') {
      // the spec runs to the matching '}' and may hold nested {expr} fields
      let depth = 0;
      let k = end + 1;
      while (k < body.length && !(body[k] === '}' && depth === 0)) {
        if (body[k] === '{') depth++;
        else if (body[k] === '}') depth--;
        k++;
      }
      const specText = body.slice(end + 1, k);
      if (specText.includes('{')) {
        spec = {
          k: 'fstr',
          parts: parseFStringBody(specText, bodyPos + end + 1, raw),
          pos: bodyPos + end + 1,
        };
      } else spec = specText;
      end = k;
      if (debugText !== null && conv === 'r') conv = null;
    }
    if (body[end] !== '}') throw new SyntaxErr("f-string: expecting '}'", bodyPos + end);
    parts.push({ expr, conv, spec, debugText });
    i = end + 1;
  }
  flushLit();
  return parts;
}
