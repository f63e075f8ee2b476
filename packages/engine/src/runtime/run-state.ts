import type { Faker } from '@faker-js/faker';
import type { ArtifactInfo, GenerateOptions } from '../api';
import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';
import {
  type CallSpec,
  createGenerator,
  type GenContext,
  parseCallSpec,
  type ValueGenerator,
} from '../generators';
import { createFaker } from '../random/faker';
import type { Rng } from '../random/rng';
import type { ScriptContext, ScriptScope } from '../script';
import type { DescriptorFiles } from './descriptor-files';
import { LIMITS_HINT } from './limits';
import type { Memstores } from './memstore';
import type { SourceLoader } from './source-loader';

/**
 * The engine's fixed "now" (2025-01-01T00:00:00Z): `datetime.now()`, date generators and entity ages are
 * computed against it so that artifacts do not change from one day to the next.
 */
export const REFERENCE_NOW = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

export interface ResolvedLimits {
  maxCount: number;
  maxDepth: number;
  maxTotalRecords: number;
}

/** Everything one `generate()` call shares: files, RNG root, properties, memstores, generator instances. */
export class RunState {
  readonly properties = new Map<string, unknown>();
  readonly globals = new Map<string, unknown>();
  readonly namedGenerators = new Map<string, string>();
  readonly shared = new Map<string, unknown>();
  private readonly generators = new Map<string, ValueGenerator>();
  readonly artifacts: ArtifactInfo[] = [];
  readonly counts: Record<string, number> = {};
  /** Names of generates that write files, with where each was defined (duplicates are refused). */
  readonly datasetNames = new Map<string, SourceLocation>();
  readonly captured: Record<string, Record<string, unknown>[]> | undefined;
  totalRecords = 0;
  defaultSeparator = '|';
  dataset = 'US';
  locale = 'en';
  lineSeparator: string | undefined;

  constructor(
    readonly files: DescriptorFiles,
    public rng: Rng,
    readonly now: Date,
    readonly options: GenerateOptions,
    readonly limits: ResolvedLimits,
    readonly memstores: Memstores,
    public sources: SourceLoader | undefined,
  ) {
    this.captured = options.capture ? {} : undefined;
  }

  log(line: string): void {
    this.options.log?.(line);
  }

  /** A faker/script context on its own RNG stream. */
  scriptContext(rng: Rng, dataset = this.dataset, locale = this.locale): ScriptContext & { faker: Faker } {
    return { rng, faker: createFaker(rng, dataset, locale), now: this.now };
  }

  genContext(rng: Rng, dataset = this.dataset, locale = this.locale): GenContext {
    return {
      rng,
      faker: createFaker(rng, dataset, locale),
      dataset,
      locale,
      now: this.now,
      shared: this.shared,
    };
  }

  /**
   * Generator instances are cached like DATAMIMIC CE caches them: per element and generator string
   * (`<full element path>|<generator>`), so the same key keeps its sequence across the records of a nested
   * generate, while two different keys with `IncrementGenerator` count independently. A `<generator name>`
   * declared in `<setup>` is one instance shared by every key that names it.
   */
  generator(text: string, location: SourceLocation, elementPath: string): ValueGenerator {
    const trimmed = text.trim();
    const named = this.namedGenerators.get(trimmed);
    const resolved = named ?? trimmed;
    const cacheKey = named !== undefined ? `<generator ${trimmed}>` : `${elementPath}|${resolved}`;
    let g = this.generators.get(cacheKey);
    if (!g) {
      const spec: CallSpec = parseCallSpec(resolved, location);
      g = createGenerator(spec, this.genContext(this.rng.fork(`generator:${cacheKey}`)), location);
      this.generators.set(cacheKey, g);
    }
    return g;
  }

  /** Scope fallback below the record/variables chain: setup variables, then properties. */
  lookupGlobal(name: string): { found: boolean; value?: unknown } {
    if (this.globals.has(name)) return { found: true, value: this.globals.get(name) };
    if (this.properties.has(name)) return { found: true, value: this.properties.get(name) };
    return { found: false };
  }

  /**
   * Counts `n` records (top-level, nested generate records and nestedKey list items alike) toward
   * maxTotalRecords; `what` names where they come from for the error.
   */
  countRecords(n: number, what: string, location?: SourceLocation): void {
    this.totalRecords += n;
    if (this.totalRecords > this.limits.maxTotalRecords) throw this.totalLimitError(what, location);
  }

  totalLimitError(what: string, location?: SourceLocation, estimated?: number): MimicfixError {
    const max = this.limits.maxTotalRecords;
    return new MimicfixError(
      'MIMICFIX_LIMIT',
      estimated === undefined
        ? `${what} takes the run past maxTotalRecords=${max} records (nested records included)`
        : `${what} would produce at least ${estimated} records (nested records included), more than maxTotalRecords=${max}`,
      { location, hint: `lower the counts, or ${LIMITS_HINT}` },
    );
  }

  checkAbort(): void {
    if (this.options.signal?.aborted) {
      throw new MimicfixError('MIMICFIX_ABORTED', 'generation was aborted', {
        cause: this.options.signal.reason,
      });
    }
  }
}

/** Names in scope for one record: its keys so far, the frame's variables, the parent frames, then globals. */
export class Frame {
  record: Record<string, unknown> = {};
  readonly vars = new Map<string, unknown>();
  readonly scope: ScriptScope;

  constructor(
    readonly run: RunState,
    readonly parent: Frame | undefined,
  ) {
    const scope: ScriptScope = (name) => this.lookup(name);
    scope.names = () => this.names();
    this.scope = scope;
  }

  /** Every name in scope (for "did you mean" in NameErrors): record keys, variables, globals, properties. */
  names(): string[] {
    const out = new Set<string>();
    let f: Frame | undefined = this;
    while (f) {
      for (const k of Object.keys(f.record)) out.add(k);
      for (const k of f.vars.keys()) out.add(k);
      f = f.parent;
    }
    for (const k of this.run.globals.keys()) out.add(k);
    for (const k of this.run.properties.keys()) out.add(k);
    return [...out];
  }

  lookup(name: string): { found: boolean; value?: unknown } {
    let f: Frame | undefined = this;
    while (f) {
      if (Object.hasOwn(f.record, name)) return { found: true, value: f.record[name] };
      if (f.vars.has(name)) return { found: true, value: f.vars.get(name) };
      f = f.parent;
    }
    return this.run.lookupGlobal(name);
  }
}
