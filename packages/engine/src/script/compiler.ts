import type { SourceLocation } from '../errors/mimicfix-error';
import { MimicfixError } from '../errors/mimicfix-error';
import type { Comprehension, FStringField, Node, Target } from './ast';
import { GLOBALS } from './builtins';
import { callValue } from './call';
import type { Env, Frame, ScriptContext, ScriptScope } from './context';
import { PyDateTime } from './datetime';
import { PyError, similarNames, typeError, valueError } from './errors';
import { locate } from './location';
import { callMethod, getAttr } from './methods';
import { parseExpression } from './parser';
import {
  formatValue,
  pyAdd,
  pyCompare,
  pyContains,
  pyDiv,
  pyEq,
  pyFloorDiv,
  pyGetItem,
  pyIter,
  pyMod,
  pyMul,
  pyNeg,
  pyPos,
  pyPow,
  pyRepr,
  pySlice,
  pyStr,
  pySub,
  truthy,
} from './py-ops';
import { SyntaxErr } from './tokenizer';
import { dictSet, type KwArgs, makeTuple, newDict, PyCallable } from './values';

/**
 * Compiles the AST into nested JS closures once; evaluating then walks no tree and allocates little.
 * Names bound by comprehensions and lambdas are resolved to frame slots at compile time.
 */
type Thunk = (env: Env) => unknown;

/**
 * Bare names never resolved, even when the scope answers for them: Object.prototype members (a scope backed by
 * a plain object could otherwise leak them) and JS internals.
 */
const FORBIDDEN_GLOBALS = new Set([
  'constructor',
  'prototype',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
]);

/**
 * Python/JS builtins deliberately absent. A scope value with such a name (e.g. a key called `type` or `open`) is
 * plain data and is returned; without one the error says the name is not available instead of "not defined".
 */
const UNAVAILABLE = new Set([
  'eval',
  'exec',
  'open',
  'getattr',
  'setattr',
  'delattr',
  'hasattr',
  'globals',
  'locals',
  'vars',
  'compile',
  'input',
  'print',
  'breakpoint',
  'help',
  'dir',
  'type',
  'object',
  'super',
  'memoryview',
  'id',
  'iter',
  'next',
  'process',
  'require',
  'module',
  'exports',
  'globalThis',
  'window',
  'Function',
]);

export interface CompiledExpression {
  readonly source: string;
  readonly location: SourceLocation;
  evaluate(scope: ScriptScope, ctx: ScriptContext): unknown;
}

class Lambda extends PyCallable {
  readonly name = '<lambda>';
  constructor(
    private readonly params: readonly string[],
    private readonly defaults: unknown[],
    private readonly body: Thunk,
    private readonly parent: Frame | null,
  ) {
    super();
  }
  call(args: unknown[], kwargs: KwArgs, env: Env): unknown {
    const n = this.params.length;
    const firstDefault = n - this.defaults.length;
    if (args.length > n)
      throw typeError(`<lambda>() takes ${n} positional arguments but ${args.length} were given`);
    const vars = new Array<unknown>(n);
    const set = new Array<boolean>(n).fill(false);
    for (let i = 0; i < args.length; i++) {
      vars[i] = args[i];
      set[i] = true;
    }
    if (kwargs !== null) {
      for (const [k, v] of kwargs) {
        const idx = this.params.indexOf(k);
        if (idx < 0) throw typeError(`<lambda>() got an unexpected keyword argument '${k}'`);
        if (set[idx]) throw typeError(`<lambda>() got multiple values for argument '${k}'`);
        vars[idx] = v;
        set[idx] = true;
      }
    }
    for (let i = 0; i < n; i++) {
      if (set[i]) continue;
      if (i < firstDefault) throw typeError(`<lambda>() missing required argument '${this.params[i]}'`);
      vars[i] = this.defaults[i - firstDefault];
    }
    const saved = env.frame;
    env.frame = { vars, parent: this.parent };
    try {
      return this.body(env);
    } finally {
      env.frame = saved;
    }
  }
}

/** Compile-time scope chain: the names of each enclosing comprehension/lambda frame. */
type Scopes = string[][];

function targetNames(t: Target, out: string[]): string[] {
  if (t.k === 'name') {
    if (!out.includes(t.id)) out.push(t.id);
  } else for (const x of t.items) targetNames(x, out);
  return out;
}

class Compiler {
  compile(node: Node, scopes: Scopes): Thunk {
    switch (node.k) {
      case 'const': {
        const v = node.v;
        return () => v;
      }
      case 'name':
        return this.compileName(node.id, node.pos, scopes);
      case 'list': {
        const items = node.items.map((n) => this.compile(n, scopes));
        return (env) => items.map((f) => f(env));
      }
      case 'tuple': {
        const items = node.items.map((n) => this.compile(n, scopes));
        return (env) => makeTuple(items.map((f) => f(env)));
      }
      case 'set': {
        const items = node.items.map((n) => this.compile(n, scopes));
        return (env) => {
          const s = new Set<unknown>();
          for (const f of items) {
            const v = f(env);
            if (![...s].some((x) => pyEq(x, v))) s.add(v);
          }
          return s;
        };
      }
      case 'dict': {
        const keys = node.keys.map((n) => this.compile(n, scopes));
        const values = node.values.map((n) => this.compile(n, scopes));
        const pos = node.pos;
        return (env) => {
          const d = newDict();
          for (let i = 0; i < keys.length; i++) {
            const k = (keys[i] as Thunk)(env);
            const v = (values[i] as Thunk)(env);
            env.pos = pos;
            dictSet(d, dictKey(k), v);
          }
          return d;
        };
      }
      case 'attr': {
        const obj = this.compile(node.obj, scopes);
        const { name, pos } = node;
        return (env) => {
          const o = obj(env);
          env.pos = pos;
          return getAttr(o, name);
        };
      }
      case 'index': {
        const obj = this.compile(node.obj, scopes);
        const index = this.compile(node.index, scopes);
        const pos = node.pos;
        return (env) => {
          const o = obj(env);
          const i = index(env);
          env.pos = pos;
          return pyGetItem(o, i);
        };
      }
      case 'slice': {
        const obj = this.compile(node.obj, scopes);
        const none: Thunk = () => null;
        const lo = node.lo ? this.compile(node.lo, scopes) : none;
        const hi = node.hi ? this.compile(node.hi, scopes) : none;
        const step = node.step ? this.compile(node.step, scopes) : none;
        const pos = node.pos;
        return (env) => {
          const o = obj(env);
          const a = lo(env);
          const b = hi(env);
          const c = step(env);
          env.pos = pos;
          return pySlice(o, a, b, c);
        };
      }
      case 'call':
        return this.compileCall(node, scopes);
      case 'unary': {
        const operand = this.compile(node.operand, scopes);
        const pos = node.pos;
        if (node.op === 'not') return (env) => !truthy(operand(env));
        const op = node.op === '-' ? pyNeg : pyPos;
        return (env) => {
          const v = operand(env);
          env.pos = pos;
          return op(v);
        };
      }
      case 'bin': {
        const left = this.compile(node.left, scopes);
        const right = this.compile(node.right, scopes);
        const pos = node.pos;
        const op = BINOPS.get(node.op);
        if (op === undefined) throw new SyntaxErr(`operator '${node.op}' is not supported`, pos);
        if (node.op === '+') {
          // fast path for the common number/string cases
          return (env) => {
            const a = left(env);
            const b = right(env);
            if (typeof a === 'number' && typeof b === 'number') return a + b;
            env.pos = pos;
            return pyAdd(a, b);
          };
        }
        return (env) => {
          const a = left(env);
          const b = right(env);
          env.pos = pos;
          return op(a, b);
        };
      }
      case 'bool': {
        const values = node.values.map((n) => this.compile(n, scopes));
        if (node.op === 'and') {
          return (env) => {
            let v: unknown;
            for (const f of values) {
              v = f(env);
              if (!truthy(v)) return v;
            }
            return v;
          };
        }
        return (env) => {
          let v: unknown;
          for (const f of values) {
            v = f(env);
            if (truthy(v)) return v;
          }
          return v;
        };
      }
      case 'cmp':
        return this.compileCompare(node, scopes);
      case 'cond': {
        const test = this.compile(node.test, scopes);
        const body = this.compile(node.body, scopes);
        const orelse = this.compile(node.orelse, scopes);
        return (env) => (truthy(test(env)) ? body(env) : orelse(env));
      }
      case 'fstr':
        return this.compileFString(node.parts, scopes);
      case 'comp':
        return this.compileComprehension(node, scopes);
      case 'lambda': {
        const defaults = node.defaults.map((n) => this.compile(n, scopes));
        const body = this.compile(node.body, [...scopes, node.params]);
        const params = node.params;
        return (env) =>
          new Lambda(
            params,
            defaults.map((f) => f(env)),
            body,
            env.frame,
          );
      }
    }
  }

  private compileName(id: string, pos: number, scopes: Scopes): Thunk {
    for (let depth = 0; depth < scopes.length; depth++) {
      const names = scopes[scopes.length - 1 - depth] as string[];
      const idx = names.indexOf(id);
      if (idx >= 0) {
        if (depth === 0) return (env) => (env.frame as Frame).vars[idx];
        return (env) => {
          let f = env.frame as Frame;
          for (let d = 0; d < depth; d++) f = f.parent as Frame;
          return f.vars[idx];
        };
      }
    }
    if (id.startsWith('__') || FORBIDDEN_GLOBALS.has(id)) {
      return (env) => {
        env.pos = pos;
        throw new PyError(
          'SandboxError',
          `name '${id}' is not available in scripts`,
          'scripts run in a sandbox: no imports, no eval/exec/open, no dunder names',
        );
      };
    }
    const builtin = GLOBALS.get(id);
    const hasBuiltin = GLOBALS.has(id);
    const unavailable = UNAVAILABLE.has(id);
    return (env) => {
      const r = env.scope(id);
      if (r.found) {
        const v = r.value;
        if (v === undefined) return null;
        if (v instanceof Date) return new PyDateTime(v.getTime());
        return v;
      }
      if (hasBuiltin) return builtin;
      env.pos = pos;
      if (unavailable) {
        throw new PyError(
          'SandboxError',
          `name '${id}' is not available in scripts`,
          'scripts run in a sandbox: no imports, no eval/exec/open/getattr, no I/O',
        );
      }
      const candidates: string[] = [...GLOBALS.keys()];
      for (const s of scopes) candidates.push(...s);
      if (typeof env.scope.names === 'function') for (const n of env.scope.names()) candidates.push(n);
      const similar = similarNames(id, candidates);
      throw new PyError(
        'NameError',
        `name '${id}' is not defined${similar.length ? `; did you mean: ${similar.map((s) => `'${s}'`).join(', ')}?` : ''}`,
        'names are the record keys generated so far, variables, properties and the builtins listed in docs/script-language.md',
      );
    };
  }

  private compileCall(node: Extract<Node, { k: 'call' }>, scopes: Scopes): Thunk {
    const args = node.args.map((n) => this.compile(n, scopes));
    const kwNames = node.kwargs.map((k) => k.name);
    const kwValues = node.kwargs.map((k) => this.compile(k.value, scopes));
    const pos = node.pos;
    const evalArgs = (env: Env): unknown[] => {
      const out = new Array<unknown>(args.length);
      for (let i = 0; i < args.length; i++) out[i] = (args[i] as Thunk)(env);
      return out;
    };
    const evalKw =
      kwNames.length === 0
        ? (): KwArgs => null
        : (env: Env): KwArgs => {
            const m = new Map<string, unknown>();
            for (let i = 0; i < kwNames.length; i++) m.set(kwNames[i] as string, (kwValues[i] as Thunk)(env));
            return m;
          };
    if (node.fn.k === 'attr') {
      const obj = this.compile(node.fn.obj, scopes);
      const name = node.fn.name;
      const attrPos = node.fn.pos;
      return (env) => {
        const o = obj(env);
        const a = evalArgs(env);
        const k = evalKw(env);
        env.pos = attrPos;
        return callMethod(o, name, a, k, env);
      };
    }
    const fn = this.compile(node.fn, scopes);
    return (env) => {
      const f = fn(env);
      const a = evalArgs(env);
      const k = evalKw(env);
      env.pos = pos;
      return callValue(f, a, k, env);
    };
  }

  private compileCompare(node: Extract<Node, { k: 'cmp' }>, scopes: Scopes): Thunk {
    const left = this.compile(node.left, scopes);
    const rights = node.rights.map((n) => this.compile(n, scopes));
    const ops = node.ops.map((op) => {
      const f = CMPOPS.get(op);
      if (f === undefined) throw new SyntaxErr(`comparison '${op}' is not supported`, node.pos);
      return f;
    });
    const pos = node.pos;
    if (ops.length === 1) {
      const op = ops[0] as CmpOp;
      const right = rights[0] as Thunk;
      return (env) => {
        const a = left(env);
        const b = right(env);
        env.pos = pos;
        return op(a, b);
      };
    }
    return (env) => {
      let a = left(env);
      for (let i = 0; i < ops.length; i++) {
        const b = (rights[i] as Thunk)(env);
        env.pos = pos;
        if (!(ops[i] as CmpOp)(a, b)) return false;
        a = b;
      }
      return true;
    };
  }

  private compileFString(parts: (string | FStringField)[], scopes: Scopes): Thunk {
    const pieces = parts.map((p): Thunk => {
      if (typeof p === 'string') return () => p;
      const expr = this.compile(p.expr, scopes);
      const spec = typeof p.spec === 'string' ? null : this.compile(p.spec, scopes);
      const specText = typeof p.spec === 'string' ? p.spec : '';
      const { conv, debugText } = p;
      return (env) => {
        let v = expr(env);
        const s = spec ? (spec(env) as string) : specText;
        env.pos = p.expr.pos;
        if (conv === 'r') v = pyRepr(v);
        else if (conv === 's') v = pyStr(v);
        const out = formatValue(v, s);
        return debugText === null ? out : debugText + out;
      };
    });
    if (pieces.length === 1) return (env) => String((pieces[0] as Thunk)(env));
    return (env) => {
      let out = '';
      for (const f of pieces) out += f(env) as string;
      return out;
    };
  }

  private compileComprehension(node: Extract<Node, { k: 'comp' }>, scopes: Scopes): Thunk {
    const names: string[] = [];
    for (const g of node.gens) targetNames(g.target, names);
    const inner = [...scopes, names];
    // the first iterable is evaluated in the enclosing scope, as in Python
    const gens = node.gens.map((g: Comprehension, i) => ({
      iter: this.compile(g.iter, i === 0 ? scopes : inner),
      assign: this.compileAssign(g.target, names),
      ifs: g.ifs.map((c) => this.compile(c, inner)),
    }));
    const elt = this.compile(node.elt, inner);
    const value = node.value ? this.compile(node.value, inner) : null;
    const kind = node.kind;
    const pos = node.pos;
    const n = names.length;
    return (env) => {
      const frame: Frame = { vars: new Array<unknown>(n), parent: env.frame };
      const out: unknown[] = [];
      const dict = kind === 'dict' ? newDict() : null;
      const saved = env.frame;
      const first = (gens[0] as (typeof gens)[number]).iter(env);
      env.frame = frame;
      try {
        const loop = (level: number, iterable: unknown): void => {
          const g = gens[level] as (typeof gens)[number];
          env.pos = pos;
          const items = pyIter(iterable);
          outer: for (let i = 0; i < items.length; i++) {
            g.assign(frame, items[i], env);
            for (const c of g.ifs) if (!truthy(c(env))) continue outer;
            if (level + 1 < gens.length)
              loop(level + 1, (gens[level + 1] as (typeof gens)[number]).iter(env));
            else if (dict !== null) {
              const k = elt(env);
              dictSet(dict, dictKey(k), (value as Thunk)(env));
            } else out.push(elt(env));
          }
        };
        loop(0, first);
      } finally {
        env.frame = saved;
      }
      if (dict !== null) return dict;
      if (kind === 'set') {
        const s = new Set<unknown>();
        for (const v of out) if (![...s].some((x) => pyEq(x, v))) s.add(v);
        return s;
      }
      return out;
    };
  }

  private compileAssign(t: Target, names: string[]): (frame: Frame, v: unknown, env: Env) => void {
    if (t.k === 'name') {
      const idx = names.indexOf(t.id);
      return (frame, v) => {
        frame.vars[idx] = v;
      };
    }
    const subs = t.items.map((x) => this.compileAssign(x, names));
    const pos = t.pos;
    return (frame, v, env) => {
      const items = pyIter(v);
      if (items.length !== subs.length) {
        env.pos = pos;
        throw valueError(`cannot unpack ${items.length} values into ${subs.length} names`);
      }
      for (let i = 0; i < subs.length; i++)
        (subs[i] as (f: Frame, v: unknown, e: Env) => void)(frame, items[i], env);
    };
  }
}

function dictKey(k: unknown): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'number' || typeof k === 'boolean' || k === null || k === undefined) return pyStr(k);
  throw typeError(
    `unsupported dict key type '${typeof k === 'object' ? pyRepr(k).slice(0, 20) : typeof k}' (dict keys are strings or numbers)`,
  );
}

type CmpOp = (a: unknown, b: unknown) => boolean;

const BINOPS = new Map<string, (a: unknown, b: unknown) => unknown>([
  ['+', pyAdd],
  ['-', pySub],
  ['*', pyMul],
  ['/', pyDiv],
  ['//', pyFloorDiv],
  ['%', pyMod],
  ['**', pyPow],
]);

const CMPOPS = new Map<string, CmpOp>([
  ['==', pyEq],
  ['!=', (a, b) => !pyEq(a, b)],
  ['<', (a, b) => pyCompare(a, b, '<') < 0],
  ['<=', (a, b) => pyCompare(a, b, '<=') <= 0],
  ['>', (a, b) => pyCompare(a, b, '>') > 0],
  ['>=', (a, b) => pyCompare(a, b, '>=') >= 0],
  ['in', (a, b) => pyContains(b, a)],
  ['not in', (a, b) => !pyContains(b, a)],
  ['is', (a, b) => isSame(a, b)],
  ['is not', (a, b) => !isSame(a, b)],
]);

function isSame(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return a === b;
}

function excerpt(source: string): string {
  const oneLine = source.replace(/\s+/g, ' ').trim();
  return oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine;
}

/** Parses and compiles once; throws MIMICFIX_SCRIPT_SYNTAX with the location of the offending token. */
export function compileExpression(source: string, location: SourceLocation): CompiledExpression {
  let thunk: Thunk;
  try {
    const ast = parseExpression(source);
    thunk = new Compiler().compile(ast, []);
  } catch (e) {
    if (e instanceof SyntaxErr) {
      throw new MimicfixError(
        'MIMICFIX_SCRIPT_SYNTAX',
        `invalid script expression "${excerpt(source)}": ${e.message} (at column ${e.pos + 1} of the expression)`,
        {
          location: locate(location, source, e.pos),
          hint: 'scripts are a Python expression subset; see docs/script-language.md',
          details: { expression: source, offset: e.pos },
        },
      );
    }
    if (e instanceof RangeError) {
      throw new MimicfixError(
        'MIMICFIX_SCRIPT_SYNTAX',
        `invalid script expression "${excerpt(source)}": nested too deeply`,
        {
          location,
          hint: 'split the expression into variables',
          cause: e,
        },
      );
    }
    throw e;
  }
  return {
    source,
    location,
    evaluate(scope: ScriptScope, ctx: ScriptContext): unknown {
      const env: Env = { scope, ctx, frame: null, pos: 0 };
      try {
        const v = thunk(env);
        return v === undefined ? null : v;
      } catch (e) {
        throw toMimicfixError(e, source, location, env.pos);
      }
    },
  };
}

function toMimicfixError(e: unknown, source: string, location: SourceLocation, pos: number): MimicfixError {
  if (e instanceof MimicfixError) return e;
  if (e instanceof PyError) {
    return new MimicfixError(
      'MIMICFIX_SCRIPT_ERROR',
      `script "${excerpt(source)}" failed: ${e.pyType}: ${e.message}`,
      {
        location: locate(location, source, pos),
        hint: e.hint ?? 'see docs/script-language.md for what scripts support',
        details: { expression: source, offset: pos, pyType: e.pyType },
      },
    );
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new MimicfixError(
      'MIMICFIX_SCRIPT_ERROR',
      `script "${excerpt(source)}" failed: recursion too deep`,
      { location: locate(location, source, pos), cause: e },
    );
  }
  // faker or host errors: still a script error, with the cause kept
  const message = e instanceof Error ? e.message : String(e);
  return new MimicfixError('MIMICFIX_SCRIPT_ERROR', `script "${excerpt(source)}" failed: ${message}`, {
    location: locate(location, source, pos),
    cause: e,
    details: { expression: source, offset: pos },
  });
}
