import type { Args } from '../generators/args';
import type { Converter, GenContext } from '../generators/types';

/** One converter kind: its DATAMIMIC name, parameter order and factory. */
export interface ConverterDef {
  readonly name: string;
  readonly params: readonly string[];
  create(args: Args, ctx: GenContext, fail: (message: string) => never): Converter;
}
