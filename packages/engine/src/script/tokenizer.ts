/**
 * Tokenizer for the Python-expression subset. Positions are character offsets into the source; the compiler
 * maps them to line/column for error messages.
 */
export type TokenKind = 'num' | 'str' | 'fstr' | 'name' | 'kw' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Name/keyword/operator text, the decoded string value, or the raw body of an f-string. */
  text: string;
  /** Numeric value for `num` tokens. */
  num: number;
  pos: number;
  end: number;
  /** For `fstr`: offset of the first body character in the source; raw f-strings keep backslashes. */
  bodyPos: number;
  raw: boolean;
}

export class SyntaxErr extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'if',
  'else',
  'for',
  'lambda',
  'None',
  'True',
  'False',
]);
/** Python keywords outside the subset: refused with a clear message instead of being read as names. */
const UNSUPPORTED_KEYWORDS = new Set([
  'import',
  'from',
  'def',
  'class',
  'return',
  'yield',
  'await',
  'async',
  'while',
  'with',
  'try',
  'except',
  'raise',
  'del',
  'global',
  'nonlocal',
  'pass',
  'break',
  'continue',
  'assert',
  'finally',
  'elif',
  'as',
]);
const OPS3 = ['**=', '//=', '...'];
const OPS2 = ['**', '//', '==', '!=', '<=', '>=', '->', ':=', '+=', '-=', '*=', '/='];
const OPS1 = '()[]{},:.+-*/%<>=|&^~@;';
const SUPPORTED_OPS = new Set([
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '.',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '=',
]);

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
  '\n': '',
};

/** Decodes Python backslash escapes. Unknown escapes keep their backslash, as Python does. */
export function decodeEscapes(s: string, pos: number): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch !== '\\' || i + 1 >= s.length) {
      out += ch;
      continue;
    }
    const n = s[++i] as string;
    if (Object.hasOwn(SIMPLE_ESCAPES, n)) {
      out += SIMPLE_ESCAPES[n];
    } else if (n === 'x' || n === 'u' || n === 'U') {
      const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      const hex = s.slice(i + 1, i + 1 + len);
      if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex))
        throw new SyntaxErr(`truncated \\${n} escape`, pos + i);
      const cp = Number.parseInt(hex, 16);
      if (cp > 0x10ffff) throw new SyntaxErr(`illegal Unicode character \\${n}${hex}`, pos + i);
      out += String.fromCodePoint(cp);
      i += len;
    } else {
      out += `\\${n}`;
    }
  }
  return out;
}

function isIdStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c > '\x7f';
}
function isIdPart(c: string): boolean {
  return isIdStart(c) || (c >= '0' && c <= '9');
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, text: string, pos: number, extra: Partial<Token> = {}): void => {
    out.push({ kind, text, num: 0, pos, end: i, bodyPos: 0, raw: false, ...extra });
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '\\' && (src[i + 1] === '\n' || src[i + 1] === '\r')) {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const start = i;
    // string literal, possibly prefixed
    let j = i;
    while (j < src.length && j - i < 2 && /[rRfFbBuU]/.test(src[j] as string)) j++;
    if (src[j] === "'" || src[j] === '"') {
      const prefix = src.slice(i, j).toLowerCase();
      if (/^(?:r|f|u|rf|fr)?$/.test(prefix)) {
        const q = src[j] as string;
        const triple = src.startsWith(q.repeat(3), j);
        const delim = triple ? q.repeat(3) : q;
        let k = j + delim.length;
        const bodyStart = k;
        for (;;) {
          if (k >= src.length || (!triple && src[k] === '\n'))
            throw new SyntaxErr('unterminated string literal', start);
          if (src[k] === '\\') {
            k += 2;
            continue;
          }
          if (src.startsWith(delim, k)) break;
          k++;
        }
        const body = src.slice(bodyStart, k);
        i = k + delim.length;
        const raw = prefix.includes('r');
        if (prefix.includes('f')) push('fstr', body, start, { bodyPos: bodyStart, raw });
        else push('str', raw ? body : decodeEscapes(body, bodyStart), start);
        continue;
      }
      if (prefix.includes('b')) throw new SyntaxErr('bytes literals are not supported', start);
    }
    if (isIdStart(c)) {
      while (i < src.length && isIdPart(src[i] as string)) i++;
      const word = src.slice(start, i);
      if (UNSUPPORTED_KEYWORDS.has(word))
        throw new SyntaxErr(`'${word}' is not supported in expressions`, start);
      push(KEYWORDS.has(word) ? 'kw' : 'name', word, start);
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(src[i + 1]))) {
      let value: number;
      const radix =
        c === '0'
          ? ({ x: 16, X: 16, o: 8, O: 8, b: 2, B: 2 } as Record<string, number>)[src[i + 1] ?? '']
          : undefined;
      if (radix !== undefined) {
        i += 2;
        const s = i;
        while (i < src.length && /[0-9a-fA-F_]/.test(src[i] as string)) i++;
        const digits = src.slice(s, i).replace(/_/g, '');
        value = Number.parseInt(digits, radix);
        if (
          digits === '' ||
          Number.isNaN(value) ||
          !new RegExp(`^[${'0123456789abcdef'.slice(0, radix)}]+$`, 'i').test(digits)
        ) {
          throw new SyntaxErr('invalid number literal', start);
        }
      } else {
        while (i < src.length && (isDigit(src[i]) || src[i] === '_')) i++;
        if (src[i] === '.' && !(src[i + 1] === '.')) {
          i++;
          while (i < src.length && (isDigit(src[i]) || src[i] === '_')) i++;
        }
        if (
          (src[i] === 'e' || src[i] === 'E') &&
          (isDigit(src[i + 1]) || ((src[i + 1] === '+' || src[i + 1] === '-') && isDigit(src[i + 2])))
        ) {
          i += 2;
          while (i < src.length && isDigit(src[i])) i++;
        }
        const text = src.slice(start, i).replace(/_/g, '');
        value = Number(text);
        if (Number.isNaN(value)) throw new SyntaxErr('invalid number literal', start);
        if (/^0\d/.test(text) && /^[0-9]+$/.test(text) && Number(text) !== 0) {
          throw new SyntaxErr('leading zeros in decimal integer literals are not permitted', start);
        }
      }
      if (i < src.length && (isIdStart(src[i] as string) || src[i] === 'j'))
        throw new SyntaxErr('invalid number literal', start);
      push('num', src.slice(start, i), start, { num: value });
      continue;
    }
    const op3 = src.slice(i, i + 3);
    const op2 = src.slice(i, i + 2);
    let op: string | undefined;
    if (OPS3.includes(op3)) op = op3;
    else if (OPS2.includes(op2)) op = op2;
    else if (OPS1.includes(c)) op = c;
    if (op === undefined) throw new SyntaxErr(`unexpected character '${c}'`, start);
    if (!SUPPORTED_OPS.has(op)) throw new SyntaxErr(`operator '${op}' is not supported`, start);
    i += op.length;
    push('op', op, start);
  }
  push('eof', '', src.length);
  return out;
}
