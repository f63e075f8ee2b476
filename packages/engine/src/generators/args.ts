import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';
import { didYouMean } from './suggest';
import type { CallSpec } from './types';

type Kind = 'int' | 'number' | 'string' | 'bool' | 'list' | 'any';

/**
 * Reads the arguments of one call (`IntegerGenerator(min=1, max=10)`) against its declared parameter list:
 * positional arguments bind in declaration order, unknown keyword arguments and wrong types fail with
 * MIMICFIX_GENERATOR naming the argument.
 */
export class Args {
  private readonly values = new Map<string, unknown>();

  constructor(
    readonly spec: CallSpec,
    readonly params: readonly string[],
    readonly location: SourceLocation,
    readonly what = 'generator',
  ) {
    if (spec.args.length > params.length) {
      this.fail(`takes at most ${params.length} positional argument(s) but ${spec.args.length} were given`);
    }
    spec.args.forEach((v, i) => {
      this.values.set(params[i] as string, v);
    });
    for (const [k, v] of Object.entries(spec.kwargs)) {
      if (!params.includes(k)) {
        const known = params.length ? `known arguments: ${params.join(', ')}` : 'it takes no arguments';
        this.fail(`has no argument "${k}".${didYouMean(k, params)} (${known})`);
      }
      if (this.values.has(k)) this.fail(`argument "${k}" is given both by position and by keyword`);
      this.values.set(k, v);
    }
  }

  fail(message: string): never {
    throw new MimicfixError('MIMICFIX_GENERATOR', `${this.what} ${this.spec.name} ${message}`, {
      location: this.location,
      hint: `See docs/${this.what === 'converter' ? 'converters' : this.what === 'entity' ? 'entities' : 'generators'}.md for the arguments of ${this.spec.name}.`,
    });
  }

  has(name: string): boolean {
    const v = this.values.get(name);
    return v !== undefined && v !== null;
  }

  raw(name: string): unknown {
    return this.values.get(name);
  }

  private read(name: string, kind: Kind): unknown {
    const v = this.values.get(name);
    if (v === undefined || v === null) return undefined;
    switch (kind) {
      case 'int':
        if (typeof v !== 'number' || !Number.isInteger(v))
          this.fail(`argument "${name}" must be an integer, got ${JSON.stringify(v)}`);
        return v;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v))
          this.fail(`argument "${name}" must be a number, got ${JSON.stringify(v)}`);
        return v;
      case 'string':
        if (typeof v !== 'string') this.fail(`argument "${name}" must be a string, got ${JSON.stringify(v)}`);
        return v;
      case 'bool':
        if (typeof v !== 'boolean')
          this.fail(`argument "${name}" must be True or False, got ${JSON.stringify(v)}`);
        return v;
      case 'list':
        if (!Array.isArray(v)) this.fail(`argument "${name}" must be a list, got ${JSON.stringify(v)}`);
        return v;
      default:
        return v;
    }
  }

  int(name: string, def: number): number;
  int(name: string): number | undefined;
  int(name: string, def?: number): number | undefined {
    return (this.read(name, 'int') as number | undefined) ?? def;
  }
  num(name: string, def: number): number;
  num(name: string): number | undefined;
  num(name: string, def?: number): number | undefined {
    return (this.read(name, 'number') as number | undefined) ?? def;
  }
  str(name: string, def: string): string;
  str(name: string): string | undefined;
  str(name: string, def?: string): string | undefined {
    return (this.read(name, 'string') as string | undefined) ?? def;
  }
  bool(name: string, def: boolean): boolean {
    return (this.read(name, 'bool') as boolean | undefined) ?? def;
  }
  list(name: string): unknown[] | undefined {
    return this.read(name, 'list') as unknown[] | undefined;
  }

  /** A quota in [0, 1]. */
  quota(name: string, def: number): number {
    const q = this.num(name, def);
    if (q < 0 || q > 1) this.fail(`argument "${name}" must be between 0 and 1, got ${q}`);
    return q;
  }

  /** One of `choices` (case-insensitive); returns the canonical lower-case choice. */
  choice(name: string, choices: readonly string[], def: string): string {
    const v = this.str(name, def).toLowerCase();
    if (!choices.includes(v))
      this.fail(`argument "${name}" must be one of ${choices.join(', ')}, got "${v}"`);
    return v;
  }
}
