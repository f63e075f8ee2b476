import { MimicfixError } from '../errors/mimicfix-error';
import { CsvSink } from '../exporters/csv-exporter';
import type { RecordSink } from '../exporters/exporter';
import { JsonSink } from '../exporters/json-exporter';
import { pyJson } from '../exporters/py-format';
import { TxtSink } from '../exporters/txt-exporter';
import { XmlSink } from '../exporters/xml-exporter';
import { createConverters } from '../generators';
import type { Rng } from '../random/rng';
import type { ScriptContext } from '../script';
import { compileTemplate } from '../script';
import { attr, attrValue, type XmlElement } from '../xml/xml-node';
import {
  type AttrValue,
  boolAttr,
  compileExpr,
  hasExpr,
  optionalAttr,
  staticPath,
  toCount,
  truthy,
} from './attributes';
import { checkDatasetName } from './dataset-names';
import { LIMITS_HINT } from './limits';
import { nestedRecordsLowerBound } from './record-estimate';
import { Frame, type RunState } from './run-state';
import { type CompileScope, checkDepth, compileSteps, type Step } from './steps';
import { fileFormats, parseTargets, type TargetSpec } from './targets';

/** A compiled <generate>: compiled once per run, executed once (top level) or once per parent record (nested). */
export interface GeneratePlan {
  el: XmlElement;
  name: string;
  type: string;
  nested: boolean;
  rng: Rng;
  count?: AttrValue;
  steps: Step[];
  targets: TargetSpec[];
  sinks?: RecordSink[];
  ctx: () => ScriptContext;
  source?: { uri: string; location: XmlElement['location'] };
  sourceRows?: unknown[];
  cyclic: boolean;
  selector?: ReturnType<typeof compileExpr>;
  sourceScripted: boolean;
  converters: ReturnType<typeof createConverters>;
  /** Lower bound of the nested records each record produces (early maxTotalRecords check). */
  nestedPerRecord: number;
  /** sourceScripted templates, compiled once per distinct cell text. */
  templates: Map<string, ReturnType<typeof compileTemplate>>;
}

export function compileGenerate(
  el: XmlElement,
  run: RunState,
  parentRng: Rng,
  depth: number,
  memstoreIds: ReadonlySet<string>,
  parentPath = '',
): GeneratePlan {
  const name = attrValue(el, 'name') as string;
  const rng = parentRng.fork(`generate:${name}`);
  const cs: CompileScope = {
    run,
    rng,
    depth,
    path: `${parentPath}/${name}`,
    compileGenerate: (child, r, d, p) => compileGenerate(child, run, r, d, memstoreIds, p),
    runGenerate: (plan, parent) => runGenerate(plan, run, parent),
  };
  checkDepth(cs, el);
  const targetAttr = attr(el, 'target');
  const targets =
    targetAttr && targetAttr.value.trim()
      ? parseTargets(targetAttr.value, memstoreIds, targetAttr.location)
      : [];
  checkDatasetName(el, fileFormats(targets).length > 0, run.datasetNames);
  let sctx: ScriptContext | undefined;
  const sourceAttr = attr(el, 'source');
  const selectorAttr = attr(el, 'selector');
  const conv = attr(el, 'converter');
  const plan: GeneratePlan = {
    el,
    name,
    type: attrValue(el, 'type') ?? name,
    nested: depth > 0,
    rng,
    count: optionalAttr(el, 'count'),
    steps: compileSteps(el.children, cs),
    targets,
    ctx: () => {
      sctx ??= run.scriptContext(rng.fork('script'));
      return sctx;
    },
    source: sourceAttr ? { uri: staticPath(sourceAttr, run), location: sourceAttr.location } : undefined,
    cyclic: boolAttr(el, 'cyclic', false),
    selector: selectorAttr ? compileExpr(selectorAttr) : undefined,
    sourceScripted: boolAttr(el, 'sourceScripted', false),
    templates: new Map(),
    nestedPerRecord: nestedRecordsLowerBound(el),
    converters: conv
      ? createConverters(conv.value, run.genContext(rng.fork('converter')), conv.location)
      : [],
  };
  let list = plansOf.get(run);
  if (!list) {
    list = [];
    plansOf.set(run, list);
  }
  list.push(plan);
  return plan;
}

/** Every plan compiled in a run (nested included), to close their sinks at the end. */
const plansOf = new WeakMap<RunState, GeneratePlan[]>();

/** Closes and forgets the sinks of every plan compiled so far in this run. */
export function closeAllPlans(run: RunState, failed = false): void {
  const list = plansOf.get(run) ?? [];
  plansOf.delete(run);
  for (const plan of list) {
    // after a failure only the files already open are closed: a generate that never ran writes nothing
    if (failed && !plan.sinks) continue;
    closePlan(plan, run);
  }
}

function openSinks(plan: GeneratePlan, run: RunState): RecordSink[] {
  const sinks: RecordSink[] = [];
  const outDir = run.options.outDir;
  for (const t of plan.targets) {
    if (t.kind === 'log') {
      sinks.push({
        add: (r) => run.log(`${plan.name}: ${pyJson(r)}`),
        close: () => [],
      });
      continue;
    }
    if (t.kind === 'mem') {
      sinks.push({ add: (r) => run.memstores.add(t.id, plan.type, r), close: () => [] });
      continue;
    }
    if (!outDir) {
      if (run.options.capture) continue;
      throw new MimicfixError(
        'MIMICFIX_CONFIG',
        `generate "${plan.name}" writes files but no outDir was given`,
        {
          location: plan.el.location,
          hint: 'pass { outDir } to generate(), or { capture: true } to only collect records',
        },
      );
    }
    if (t.kind === 'json')
      sinks.push(new JsonSink(outDir, plan.name, { ndjson: t.ndjson, chunkSize: t.chunkSize }));
    else if (t.kind === 'csv') {
      sinks.push(
        new CsvSink(outDir, plan.name, {
          delimiter: t.delimiter ?? run.defaultSeparator,
          quotechar: t.quotechar ?? '"',
          lineTerminator: '\r\n',
        }),
      );
    } else if (t.kind === 'xml') sinks.push(new XmlSink(outDir, plan.name, t));
    else sinks.push(new TxtSink(outDir, plan.name));
  }
  return sinks;
}

function sourceRows(plan: GeneratePlan, run: RunState): unknown[] {
  if (plan.sourceRows) return plan.sourceRows;
  const src = plan.source;
  if (!src || !run.sources) return [];
  const loaded = run.sources.load(src.uri, {
    separator: attrValue(plan.el, 'separator'),
    type: attrValue(plan.el, 'type'),
    location: src.location,
  });
  let rows: unknown[];
  if (loaded.kind === 'rows') rows = loaded.rows;
  else if (loaded.kind === 'dict') rows = [loaded.value];
  else rows = loaded.weighted.values.map((value, i) => ({ value, weight: loaded.weighted.weights[i] }));
  const isMem = !/\.(csv|json)$/i.test(src.uri.trim());
  if (plan.selector) {
    const sel = plan.selector;
    const ctx = plan.ctx();
    rows = rows.filter((row) => {
      const r = row as Record<string, unknown>;
      return truthy(
        sel.evaluate((n) => (Object.hasOwn(r, n) ? { found: true, value: r[n] } : run.lookupGlobal(n)), ctx),
      );
    });
  }
  if (attrValue(plan.el, 'distribution') !== 'ordered') rows = plan.rng.fork('source').shuffle(rows);
  if (!isMem) plan.sourceRows = rows; // memstore contents can grow between runs of a nested generate
  return rows;
}

/** Runs one generate: all its records, streaming each into the targets. */
function prepareGenerate(
  plan: GeneratePlan,
  run: RunState,
  parent: Frame | undefined,
): { count: number; one: (i: number) => void } {
  const frame = new Frame(run, parent);
  const ctx = plan.ctx();
  let count: number | undefined;
  const override = !plan.nested ? run.options.counts?.[plan.name] : undefined;
  if (override !== undefined)
    count = toCount(override, { location: plan.el.location }, `counts.${plan.name}`);
  else if (plan.count) count = toCount(plan.count.get(frame, ctx), plan.count, 'count');
  let rows: unknown[] | undefined;
  if (plan.source) {
    rows = sourceRows(plan, run);
    if (count === undefined) count = rows.length;
    else if (!plan.cyclic) count = Math.min(count, rows.length);
    if (rows.length === 0) count = 0;
  }
  if (count === undefined) count = 1;
  if (count > run.limits.maxCount) {
    throw new MimicfixError(
      'MIMICFIX_LIMIT',
      `generate "${plan.name}" has count ${count} > maxCount=${run.limits.maxCount}`,
      {
        location: plan.el.location,
        hint: `lower the count, or ${LIMITS_HINT}`,
      },
    );
  }
  const atLeast = count * (1 + plan.nestedPerRecord);
  if (run.totalRecords + atLeast > run.limits.maxTotalRecords) {
    throw run.totalLimitError(`generate "${plan.name}"`, plan.el.location, run.totalRecords + atLeast);
  }
  plan.sinks ??= openSinks(plan, run);
  const sinks = plan.sinks;
  let captured: Record<string, unknown>[] | undefined;
  if (run.captured) {
    captured = run.captured[plan.name] ?? [];
    run.captured[plan.name] = captured;
  }
  run.counts[plan.name] ??= 0;
  const sourceLocation = plan.source?.location ?? plan.el.location;
  const progressEvery = Math.max(1, Math.min(10_000, Math.ceil(count / 20)));
  const total = count;
  const templates = plan.templates;
  const one = (i: number): void => {
    if ((i & 1023) === 0) run.checkAbort();
    let record: Record<string, unknown>;
    if (rows) {
      const row = rows[i % rows.length];
      record = row !== null && typeof row === 'object' ? { ...(row as object) } : { value: row };
      if (plan.sourceScripted) {
        for (const k in record) {
          const v = record[k];
          if (typeof v === 'string' && hasExpr(v)) {
            let t = templates.get(v);
            if (!t) {
              t = compileTemplate(v, sourceLocation);
              templates.set(v, t);
            }
            record[k] = t.evaluate(frame.scope, ctx);
          }
        }
      }
    } else record = {};
    frame.record = record;
    for (const s of plan.steps) s(frame);
    if (plan.converters.length) {
      for (const k in record) {
        let v = record[k];
        for (const c of plan.converters) v = c(v);
        record[k] = v;
      }
    }
    run.countRecords(1, `generate "${plan.name}"`, plan.el.location);
    for (const s of sinks) s.add(record);
    if (captured) captured.push(record);
    run.counts[plan.name] = (run.counts[plan.name] ?? 0) + 1;
    if (run.options.onProgress && ((i + 1) % progressEvery === 0 || i + 1 === total)) {
      run.options.onProgress(plan.name, i + 1, total);
    }
  };
  return { count: total, one };
}

/** Runs one generate synchronously (nested generates, once per parent record). */
export function runGenerate(plan: GeneratePlan, run: RunState, parent: Frame | undefined): void {
  const g = prepareGenerate(plan, run, parent);
  for (let i = 0; i < g.count; i++) g.one(i);
}

/**
 * Runs a top-level generate, giving the event loop a turn every 4096 records so that an AbortSignal fired
 * from a timer or another callback is seen while a large generate runs.
 */
export async function runGenerateAsync(plan: GeneratePlan, run: RunState): Promise<void> {
  const g = prepareGenerate(plan, run, undefined);
  for (let i = 0; i < g.count; i++) {
    if (i > 0 && (i & 4095) === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    g.one(i);
  }
}

/** Closes the sinks of a plan and its nested plans (after the whole run of the top-level generate). */
export function closePlan(plan: GeneratePlan, run: RunState): void {
  if (!plan.sinks) plan.sinks = openSinks(plan, run); // a generate that ran 0 times still writes its (empty) files
  for (const s of plan.sinks) run.artifacts.push(...s.close());
}
