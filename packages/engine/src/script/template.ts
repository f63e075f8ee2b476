import type { SourceLocation } from '../errors/mimicfix-error';
import { MimicfixError } from '../errors/mimicfix-error';
import { type CompiledExpression, compileExpression } from './compiler';
import type { ScriptContext, ScriptScope } from './context';
import { locate } from './location';
import { pyStr } from './py-ops';

/**
 * An attribute value that may hold `{expr}` parts (e.g. `count="{n * 2}"`, `uri="{dir}/x.csv"`).
 * `evaluate` returns the raw value when the whole text is one `{expr}`, else the concatenated string.
 */
export interface CompiledTemplate {
  readonly isConstant: boolean;
  evaluate(scope: ScriptScope, ctx: ScriptContext): unknown;
}

/** Offset of the `}` closing the `{` at `open`, skipping nested brackets and quoted strings. */
function findClose(text: string, open: number, location: SourceLocation): number {
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const q = c;
      i++;
      while (i < text.length && text[i] !== q) i += text[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  throw new MimicfixError('MIMICFIX_SCRIPT_SYNTAX', `unclosed '{' in "${text}"`, {
    location: locate(location, text, open),
    hint: 'each {expression} in an attribute needs a closing }',
  });
}

export function compileTemplate(text: string, location: SourceLocation): CompiledTemplate {
  const parts: (string | CompiledExpression)[] = [];
  let lit = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c !== '{') {
      lit += c;
      i++;
      continue;
    }
    const close = findClose(text, i, location);
    if (lit !== '') parts.push(lit);
    lit = '';
    parts.push(compileExpression(text.slice(i + 1, close), locate(location, text, i + 1)));
    i = close + 1;
  }
  if (lit !== '') parts.push(lit);

  if (parts.length === 0) return { isConstant: true, evaluate: () => '' };
  if (parts.length === 1) {
    const only = parts[0] as string | CompiledExpression;
    if (typeof only === 'string') return { isConstant: true, evaluate: () => only };
    return { isConstant: false, evaluate: (scope, ctx) => only.evaluate(scope, ctx) };
  }
  return {
    isConstant: false,
    evaluate(scope, ctx) {
      let out = '';
      for (const p of parts) out += typeof p === 'string' ? p : pyStr(p.evaluate(scope, ctx));
      return out;
    },
  };
}

const VAR_RE = /__([A-Za-z_][A-Za-z0-9_]*?)__/g;

/**
 * `string="Hello __name__"`: replaces each `__identifier__` with the scope value rendered as Python `str()`.
 * Names the scope does not know are left as they are (so literal double underscores survive).
 */
export function renderVarTemplate(text: string, scope: ScriptScope): string {
  if (!text.includes('__')) return text;
  return text.replace(VAR_RE, (whole, name: string) => {
    const r = scope(name);
    return r.found ? pyStr(r.value) : whole;
  });
}
