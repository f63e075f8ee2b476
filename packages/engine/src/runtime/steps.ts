import { MimicfixError } from '../errors/mimicfix-error';
import { createConverters } from '../generators';
import type { Rng } from '../random/rng';
import type { ScriptContext } from '../script';
import { attr, attrValue, type XmlElement } from '../xml/xml-node';
import {
  boolAttr,
  compileAttr,
  compileExpr,
  invalidValue,
  optionalAttr,
  staticPath,
  toCount,
  truthy,
} from './attributes';
import type { GeneratePlan } from './generate-plan';
import { depthError, LIMITS_HINT } from './limits';
import { Frame, type RunState } from './run-state';
import { compileValuePipeline, convertType, SKIP } from './value-source';

/** One compiled child element, run once per record of its container. */
export type Step = (frame: Frame) => void;

export interface CompileScope {
  run: RunState;
  /** Stream of the containing generate/nestedKey; children fork from it by their name. */
  rng: Rng;
  depth: number;
  /** Element path (`person/address`), part of generator cache keys. */
  path: string;
  /** Compiles a nested <generate> (set by generate-plan to break the module cycle). */
  compileGenerate: (el: XmlElement, rng: Rng, depth: number, parentPath: string) => GeneratePlan;
  runGenerate: (plan: GeneratePlan, parent: Frame | undefined) => void;
}

function lazyScriptContext(run: RunState, rng: Rng): () => ScriptContext {
  let ctx: ScriptContext | undefined;
  return () => {
    ctx ??= run.scriptContext(rng.fork('script'));
    return ctx;
  };
}

export function checkDepth(cs: CompileScope, el: XmlElement): void {
  if (cs.depth > cs.run.limits.maxDepth) throw depthError(el, cs.run.limits.maxDepth);
}

export function compileSteps(children: readonly XmlElement[], cs: CompileScope): Step[] {
  const steps: Step[] = [];
  for (const el of children) {
    const s = compileStep(el, cs);
    if (s) steps.push(s);
  }
  return steps;
}

function compileStep(el: XmlElement, cs: CompileScope): Step | undefined {
  const name = attrValue(el, 'name') ?? '';
  switch (el.name) {
    case 'key':
    case 'id':
    case 'element': {
      const value = compileValuePipeline(el, cs.run, cs.rng.fork(`key:${name}`), `${cs.path}/${name}`);
      return (f) => {
        const v = value(f);
        if (v !== SKIP) f.record[name] = v;
      };
    }
    case 'variable': {
      const value = compileValuePipeline(el, cs.run, cs.rng.fork(`variable:${name}`), `${cs.path}/$${name}`);
      return (f) => {
        const v = value(f);
        if (v !== SKIP) f.vars.set(name, v);
      };
    }
    case 'nestedKey':
      return compileNestedKey(el, cs, name);
    case 'list':
      return compileList(el, cs, name);
    case 'array':
      return compileArray(el, cs, name);
    case 'condition':
      return compileCondition(el, cs);
    case 'echo': {
      const a = { name: 'echo', value: el.text.trim(), location: el.location };
      const t = compileAttr(a);
      const ctx = lazyScriptContext(cs.run, cs.rng.fork('echo'));
      return (f) => cs.run.log(String(t.get(f, ctx())));
    }
    case 'generate': {
      const plan = cs.compileGenerate(el, cs.rng, cs.depth + 1, cs.path);
      return (f) => cs.runGenerate(plan, f);
    }
    case 'include':
      throw new MimicfixError(
        'MIMICFIX_DESCRIPTOR_UNSUPPORTED',
        '<include> inside <generate> is not supported by the local engine',
        {
          location: el.location,
          hint: 'move the <include> to <setup>',
        },
      );
    default:
      throw new MimicfixError('MIMICFIX_INTERNAL', `no step for <${el.name}>`, { location: el.location });
  }
}

function childFrame(parent: Frame): Frame {
  return new Frame(parent.run, parent);
}

function compileNestedKey(el: XmlElement, cs: CompileScope, name: string): Step {
  const inner: CompileScope = {
    ...cs,
    rng: cs.rng.fork(`nestedKey:${name}`),
    depth: cs.depth + 1,
    path: `${cs.path}/${name}`,
  };
  checkDepth(inner, el);
  const run = cs.run;
  const steps = compileSteps(el.children, inner);
  const typeAttr = attrValue(el, 'type');
  const sourceAttr = attr(el, 'source');
  const scriptAttr = attr(el, 'script');
  const count = optionalAttr(el, 'count');
  const minCount = optionalAttr(el, 'minCount');
  const maxCount = optionalAttr(el, 'maxCount');
  const cyclic = boolAttr(el, 'cyclic', false);
  const ctx = lazyScriptContext(run, inner.rng);
  const countRng = inner.rng.fork('count');
  const condExpr = attr(el, 'condition');
  const cond = condExpr ? compileExpr(condExpr) : undefined;
  const dv = optionalAttr(el, 'defaultValue');
  const script = scriptAttr ? compileExpr(scriptAttr) : undefined;
  const conv = attr(el, 'converter');
  const converters = conv
    ? createConverters(conv.value, run.genContext(inner.rng.fork('converter')), conv.location)
    : [];
  let rows: unknown[] | undefined;
  let dict: Record<string, unknown> | undefined;
  if (sourceAttr && run.sources) {
    const loaded = run.sources.load(staticPath(sourceAttr, run), {
      separator: attrValue(el, 'separator'),
      type: typeAttr === 'list' || typeAttr === 'dict' ? undefined : typeAttr,
      location: sourceAttr.location,
    });
    if (loaded.kind === 'rows') {
      rows =
        attrValue(el, 'distribution') === 'ordered'
          ? loaded.rows
          : inner.rng.fork('source').shuffle(loaded.rows);
    } else if (loaded.kind === 'dict') dict = loaded.value;
    else
      invalidValue(
        sourceAttr,
        `a weighted source cannot feed <nestedKey>`,
        'use an .ent.csv or .json source',
      );
  }
  const isDict = typeAttr === 'dict' || (dict !== undefined && typeAttr !== 'list');

  const fill = (f: Frame, base: Record<string, unknown>): Record<string, unknown> => {
    const fr = childFrame(f);
    fr.record = base;
    for (const s of steps) s(fr);
    return fr.record;
  };
  const pickCount = (f: Frame): number | undefined => {
    if (count) return toCount(count.get(f, ctx()), count, 'count');
    if (minCount || maxCount) {
      const lo = minCount ? toCount(minCount.get(f, ctx()), minCount, 'minCount') : 0;
      const hi = maxCount ? toCount(maxCount.get(f, ctx()), maxCount, 'maxCount') : lo + 10;
      if (maxCount && hi < lo) {
        invalidValue(
          maxCount,
          `maxCount=${hi} is smaller than minCount=${lo} on <nestedKey name="${name}">`,
          'make maxCount >= minCount',
        );
      }
      return countRng.int(lo, hi);
    }
    return undefined;
  };

  return (f) => {
    if (cond && !truthy(cond.evaluate(f.scope, ctx()))) {
      if (dv) f.record[name] = dv.get(f, ctx());
      return;
    }
    let value: unknown;
    if (script) {
      const base = script.evaluate(f.scope, ctx());
      if (Array.isArray(base)) {
        value = base.map((r) =>
          r !== null && typeof r === 'object' && !Array.isArray(r) ? fill(f, { ...(r as object) }) : r,
        );
      } else if (base !== null && typeof base === 'object') value = fill(f, { ...(base as object) });
      else value = base;
    } else if (isDict) {
      value = fill(f, dict ? { ...dict } : {});
    } else if (rows) {
      let n = pickCount(f);
      if (n === undefined) n = rows.length;
      else if (!cyclic) n = Math.min(n, rows.length);
      run.countRecords(n, `nestedKey "${name}"`, el.location);
      const out: unknown[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const row = rows[i % rows.length];
        out[i] = fill(f, row !== null && typeof row === 'object' ? { ...(row as object) } : { value: row });
      }
      value = out;
    } else {
      const n = pickCount(f) ?? 1;
      if (n > run.limits.maxCount) {
        throw new MimicfixError(
          'MIMICFIX_LIMIT',
          `nestedKey ${name} count ${n} exceeds maxCount=${run.limits.maxCount}`,
          {
            location: el.location,
            hint: `lower the count, or ${LIMITS_HINT}`,
          },
        );
      }
      run.countRecords(n, `nestedKey "${name}"`, el.location);
      const out: unknown[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = fill(f, {});
      value = out;
    }
    if ((value === null || value === undefined) && dv) value = dv.get(f, ctx());
    for (const c of converters) value = c(value);
    f.record[name] = value;
  };
}

function compileList(el: XmlElement, cs: CompileScope, name: string): Step {
  const inner: CompileScope = {
    ...cs,
    rng: cs.rng.fork(`list:${name}`),
    depth: cs.depth + 1,
    path: `${cs.path}/${name}`,
  };
  checkDepth(inner, el);
  const ctx = lazyScriptContext(cs.run, inner.rng);
  const listCond = attr(el, 'condition');
  const lc = listCond ? compileExpr(listCond) : undefined;
  const items = el.children.map((item, i) => {
    const c = attr(item, 'condition');
    return {
      cond: c ? compileExpr(c) : undefined,
      steps: compileSteps(item.children, {
        ...inner,
        rng: inner.rng.fork(`item:${i}`),
        path: `${inner.path}/${i}`,
      }),
    };
  });
  return (f) => {
    if (lc && !truthy(lc.evaluate(f.scope, ctx()))) return;
    const out: unknown[] = [];
    for (const it of items) {
      if (it.cond && !truthy(it.cond.evaluate(f.scope, ctx()))) continue;
      const fr = childFrame(f);
      fr.record = {};
      for (const s of it.steps) s(fr);
      out.push(fr.record);
    }
    f.record[name] = out;
  };
}

function compileArray(el: XmlElement, cs: CompileScope, name: string): Step {
  const rng = cs.rng.fork(`array:${name}`);
  const ctx = lazyScriptContext(cs.run, rng);
  const script = attr(el, 'script');
  const expr = script ? compileExpr(script) : undefined;
  const count = optionalAttr(el, 'count');
  const type = attrValue(el, 'type') ?? 'string';
  const condAttr = attr(el, 'condition');
  const cond = condAttr ? compileExpr(condAttr) : undefined;
  const where = { location: el.location };
  return (f) => {
    if (cond && !truthy(cond.evaluate(f.scope, ctx()))) return;
    if (expr) {
      const v = expr.evaluate(f.scope, ctx());
      f.record[name] = Array.isArray(v) ? v.map((x) => convertType(x, attrValue(el, 'type'), where)) : v;
      return;
    }
    const n = count ? toCount(count.get(f, ctx()), count, 'count') : 3;
    const out: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) {
      out[i] =
        type === 'int' || type === 'integer'
          ? rng.int(0, 2_147_483_647)
          : type === 'float'
            ? rng.next()
            : type === 'bool' || type === 'boolean'
              ? rng.bool()
              : ctx().faker.string.alphanumeric(10);
    }
    f.record[name] = out;
  };
}

function compileCondition(el: XmlElement, cs: CompileScope): Step {
  const ctx = lazyScriptContext(cs.run, cs.rng.fork('condition'));
  const branches = el.children.map((b, i) => {
    const c = attr(b, 'condition');
    if (b.name === 'else' && i !== el.children.length - 1) {
      invalidValue(b, '<else> must be the last branch of <condition>', 'move <else> to the end');
    }
    if (b.name !== 'if' && i === 0)
      invalidValue(b, '<condition> must start with <if>', 'add an <if condition="..."> first');
    return { cond: c ? compileExpr(c) : undefined, steps: compileSteps(b.children, cs) };
  });
  return (f) => {
    for (const b of branches) {
      if (!b.cond || truthy(b.cond.evaluate(f.scope, ctx()))) {
        for (const s of b.steps) s(f);
        return;
      }
    }
  };
}
