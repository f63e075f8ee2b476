import type { Args } from './args';
import type { GenContext, ValueGenerator } from './types';

/** One entry of the generator registry: its DATAMIMIC name, parameter order and factory. */
export interface GeneratorDef {
  readonly name: string;
  /** Parameter names in positional order. */
  readonly params: readonly string[];
  create(args: Args, ctx: GenContext): ValueGenerator;
}
