import { parseLiteralList } from '../descriptor/literal';
import { MimicfixError } from '../errors/mimicfix-error';
import { createConverters, createEntity, parseCallSpec } from '../generators';
import { strftime, strptime } from '../generators/date-format';
import type { Rng } from '../random/rng';
import { renderVarTemplate, type ScriptContext } from '../script';
import { attr, attrValue, type XmlElement } from '../xml/xml-node';
import { compileExpr, invalidValue, staticPath, truthy } from './attributes';
import type { Frame, RunState } from './run-state';
import type { LoadedSource } from './source-loader';

/** Produces one value per record for a key/variable (before modifiers). */
export type Producer = (frame: Frame) => unknown;

/** Cycles through rows (shuffled once with the seeded RNG unless distribution="ordered"). */
export function rowCycler(
  rows: readonly unknown[],
  rng: Rng,
  distribution: string | undefined,
): () => unknown {
  const list = distribution === 'ordered' ? rows : rng.shuffle(rows);
  let i = 0;
  return () => {
    if (list.length === 0) return null;
    const v = list[i];
    i = (i + 1) % list.length;
    return v;
  };
}

function randomOfType(type: string | undefined, rng: Rng, sctx: ScriptContext): unknown {
  switch (type) {
    case 'int':
    case 'integer':
      return rng.int(0, 2_147_483_647);
    case 'float':
      return rng.next();
    case 'bool':
    case 'boolean':
      return rng.bool();
    default:
      return sctx.faker.string.alphanumeric(10);
  }
}

/** DATAMIMIC's native ranges on a typed key: `type="int" min max`, `type="float" min max`, `type="string" minLength maxLength`. */
function compileRange(
  el: XmlElement,
  type: string | undefined,
  rng: Rng,
  lazyCtx: () => ScriptContext,
): Producer | undefined {
  const num = (name: string): number | undefined => {
    const a = attr(el, name);
    if (!a) return undefined;
    const n = Number(a.value);
    if (!Number.isFinite(n)) invalidValue(a, `${name}="${a.value}" is not a number`, `write ${name}="10"`);
    return n;
  };
  if (type === 'string' && (attr(el, 'minLength') || attr(el, 'maxLength'))) {
    const lo = num('minLength') ?? 1;
    const hi = num('maxLength') ?? Math.max(lo, 10);
    return () => lazyCtx().faker.string.alphanumeric(rng.int(lo, Math.max(lo, hi)));
  }
  const min = num('min');
  const max = num('max');
  if (min === undefined && max === undefined) return undefined;
  const lo = min ?? 0;
  const hi = max ?? lo + 100;
  if (type === 'int' || type === 'integer') return () => rng.int(Math.ceil(lo), Math.floor(hi));
  if (type === 'float' || type === 'decimal') return () => rng.float(lo, hi);
  return undefined;
}

/** Where a key's or variable's value comes from: constant, values, generator, script, source, pattern, entity, type. */
export function compileProducer(
  el: XmlElement,
  run: RunState,
  rng: Rng,
  lazyCtx: () => ScriptContext,
  elementPath: string,
): Producer {
  // Precedence as in DATAMIMIC CE: script, constant, string, values, generator, source, pattern, type.
  const script = attr(el, 'script');
  if (script) {
    const expr = compileExpr(script);
    return (f) => expr.evaluate(f.scope, lazyCtx());
  }
  const constant = attr(el, 'constant');
  if (constant) {
    const v = constant.value;
    return () => v;
  }
  const str = attr(el, 'string');
  if (str) return (f) => renderVarTemplate(str.value, f.scope);
  const values = attr(el, 'values');
  if (values) {
    let list: unknown[];
    try {
      list = parseLiteralList(values.value);
    } catch (e) {
      invalidValue(
        values,
        `values="${values.value}" is not a list of literals (${(e as Error).message})`,
        `write values="'a','b','c'"`,
      );
    }
    if (list.length === 0) invalidValue(values, 'values="" is empty', `write values="'a','b','c'"`);
    const weightsAttr = attr(el, 'weights');
    if (weightsAttr) {
      let weights: number[] = [];
      try {
        weights = parseLiteralList(weightsAttr.value).map(Number);
      } catch {
        /* reported below */
      }
      if (weights.length !== list.length || weights.some((w) => !(w >= 0))) {
        invalidValue(
          weightsAttr,
          `weights="${weightsAttr.value}" must be ${list.length} non-negative numbers, one per value`,
          `write weights="3, 1" for values="'a','b'"`,
        );
      }
      return () => list[rng.weightedIndex(weights)];
    }
    return () => list[Math.floor(rng.next() * list.length)];
  }
  const generator = attr(el, 'generator');
  if (generator) {
    const g = run.generator(generator.value, generator.location, elementPath);
    return () => g.next();
  }
  const entity = el.name === 'variable' ? attr(el, 'entity') : undefined;
  if (entity) {
    const spec = parseCallSpec(entity.value, entity.location);
    const dataset = attrValue(el, 'dataset') ?? run.dataset;
    const locale = attrValue(el, 'locale') ?? run.locale;
    const factory = createEntity(spec, run.genContext(rng.fork('entity'), dataset, locale), entity.location);
    return () => factory.next();
  }
  const source = attr(el, 'source');
  if (source && run.sources) {
    const loaded: LoadedSource = run.sources.load(staticPath(source, run), {
      separator: attrValue(el, 'separator'),
      type: attrValue(el, 'type'),
      location: source.location,
    });
    if (loaded.kind === 'weighted') {
      const { values: vs, weights } = loaded.weighted;
      if (vs.length === 0) return () => null;
      return () => vs[rng.weightedIndex(weights)];
    }
    if (loaded.kind === 'dict') return () => loaded.value;
    return rowCycler(loaded.rows, rng.fork('source'), attrValue(el, 'distribution'));
  }
  const pattern = attr(el, 'pattern');
  if (pattern) {
    let re: RegExp;
    try {
      re = new RegExp(pattern.value);
    } catch (e) {
      invalidValue(
        pattern,
        `pattern="${pattern.value}" is not a valid regular expression (${(e as Error).message})`,
        'fix the regex',
      );
    }
    return () => lazyCtx().faker.helpers.fromRegExp(re);
  }
  const type = attrValue(el, 'type');
  const range = compileRange(el, type, rng, lazyCtx);
  if (range) return range;
  if (type) return () => randomOfType(type, rng, lazyCtx());
  return () => undefined;
}

/** `outDateFormat`: JS Dates and script datetimes (objects with a Python-like strftime) become strings. */
function formatDate(v: unknown, fmt: string): unknown {
  if (v instanceof Date) return strftime(v, fmt);
  if (v !== null && typeof v === 'object' && typeof (v as { strftime?: unknown }).strftime === 'function') {
    return (v as { strftime(f: string): string }).strftime(fmt);
  }
  return v;
}

/** Converts to `type=` (string|int|float|bool); leaves other values alone. */
export function convertType(
  v: unknown,
  type: string | undefined,
  where: { location: import('../errors/mimicfix-error').SourceLocation },
): unknown {
  if (type === undefined || v === null || v === undefined) return v;
  switch (type) {
    case 'string':
    case 'str':
      if (typeof v === 'string') return v;
      if (typeof v === 'boolean') return v ? 'True' : 'False';
      if (typeof v === 'number') return String(v);
      return String(v);
    case 'int':
    case 'integer':
    case 'long': {
      if (typeof v === 'boolean') return v ? 1 : 0;
      const n = typeof v === 'number' ? v : Number(String(v).trim());
      if (!Number.isFinite(n)) {
        throw new MimicfixError('MIMICFIX_SCRIPT_ERROR', `cannot convert ${JSON.stringify(v)} to int`, {
          location: where.location,
          hint: 'remove type="int" or produce a number',
        });
      }
      return Math.trunc(n);
    }
    case 'float':
    case 'double':
    case 'decimal': {
      if (typeof v === 'boolean') return v ? 1 : 0;
      const n = typeof v === 'number' ? v : Number(String(v).trim());
      if (Number.isNaN(n)) {
        throw new MimicfixError('MIMICFIX_SCRIPT_ERROR', `cannot convert ${JSON.stringify(v)} to float`, {
          location: where.location,
          hint: 'remove type="float" or produce a number',
        });
      }
      return n;
    }
    case 'bool':
    case 'boolean':
      // DATAMIMIC: "" is None; only false/False/"0"/0 are false, every other value is true
      if (v === '') return null;
      return !(v === 'false' || v === 'False' || v === '0' || v === 0 || v === false);
    default:
      return v;
  }
}

/** Marks "no value": the element's condition was false and it has no defaultValue. */
export const SKIP: unique symbol = Symbol('skip');

/**
 * The value pipeline of key/variable, in DATAMIMIC CE's order: condition (false → defaultValue, a Python
 * expression, or no key at all), nullQuota (checked before generating), the value source (a failing script
 * falls back to defaultValue), inDateFormat/outDateFormat, type, converters.
 */
export function compileValuePipeline(
  el: XmlElement,
  run: RunState,
  rng: Rng,
  elementPath: string,
): (f: Frame) => unknown {
  let sctx: ScriptContext | undefined;
  const lazyCtx = () => {
    sctx ??= run.scriptContext(
      rng.fork('script'),
      attrValue(el, 'dataset') ?? run.dataset,
      attrValue(el, 'locale') ?? run.locale,
    );
    return sctx;
  };
  const base = compileProducer(el, run, rng, lazyCtx, elementPath);
  const hasSource = !!attr(el, 'source') || !!attr(el, 'entity');
  const rawType = attrValue(el, 'type');
  // On a source/entity, type= names the memstore type or the entity; it is no conversion.
  let type = hasSource ? undefined : rawType;
  if (type === undefined && attr(el, 'pattern') && !attr(el, 'script') && !attr(el, 'constant'))
    type = 'string';
  const inFmt = attrValue(el, 'inDateFormat');
  const outFmt = attrValue(el, 'outDateFormat');
  const conv = attr(el, 'converter');
  const converters = conv
    ? createConverters(conv.value, run.genContext(rng.fork('converter')), conv.location)
    : [];
  const nq = attr(el, 'nullQuota');
  const nullQuota = nq ? Number(nq.value) : 0;
  if (nq && !(nullQuota >= 0 && nullQuota <= 1))
    invalidValue(nq, `nullQuota="${nq.value}" must be between 0 and 1`, 'write nullQuota="0.1"');
  const nullRng = rng.fork('nullQuota');
  const where = { location: el.location };
  const condAttr = attr(el, 'condition');
  const condExpr = condAttr ? compileExpr(condAttr) : undefined;
  const dv = attr(el, 'defaultValue');
  const dvExpr = dv ? (dv.value.trim() === 'None' ? undefined : compileExpr(dv)) : undefined;
  const defaultValue = dv ? (f: Frame) => (dvExpr ? dvExpr.evaluate(f.scope, lazyCtx()) : null) : undefined;
  const scriptMode = !!attr(el, 'script');
  const post = inFmt || outFmt || type || converters.length > 0;
  return (f) => {
    if (condExpr && !truthy(condExpr.evaluate(f.scope, lazyCtx())))
      return defaultValue ? defaultValue(f) : SKIP;
    if (nullQuota > 0 && nullRng.next() < nullQuota) return null;
    let v: unknown;
    if (scriptMode && defaultValue) {
      try {
        v = base(f);
      } catch {
        v = defaultValue(f);
      }
    } else v = base(f);
    if (!post) return v === undefined ? null : v;
    if (inFmt && typeof v === 'string') {
      const d = strptime(v, inFmt);
      if (!d) {
        throw new MimicfixError('MIMICFIX_SCRIPT_ERROR', `cannot read "${v}" with inDateFormat="${inFmt}"`, {
          location: el.location,
          hint: 'make inDateFormat match the value (strftime codes %Y %m %d %H %M %S %f)',
        });
      }
      v = d;
    }
    if (outFmt) v = formatDate(v, outFmt);
    if (type) v = convertType(v, type, where);
    for (const c of converters) v = c(v);
    return v === undefined ? null : v;
  };
}
