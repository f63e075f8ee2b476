import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';
import { Args } from '../generators/args';
import { parseCallSpec, splitTopLevel } from '../generators/call-spec';
import { didYouMean } from '../generators/suggest';
import type { Converter, GenContext } from '../generators/types';
import type { ConverterDef } from './converter-def';
import {
  append,
  cutLength,
  javaHash,
  lowerCase,
  mask,
  middleMask,
  removeNoneOrEmptyElement,
  upperCase,
} from './string-converters';
import { date2Timestamp, dateFormat, hash, timestamp2Date } from './value-converters';

const DEFS: readonly ConverterDef[] = [
  upperCase,
  lowerCase,
  dateFormat,
  mask,
  middleMask,
  cutLength,
  append,
  hash,
  timestamp2Date,
  date2Timestamp,
  javaHash,
  removeNoneOrEmptyElement,
];
const BY_NAME = new Map(DEFS.map((d) => [d.name, d]));

/** Every converter name the engine knows. */
export const CONVERTER_NAMES: readonly string[] = DEFS.map((d) => d.name);

/**
 * Parses `converter="UpperCase, Append('x')"` (commas inside parentheses or quotes do not split) into converters
 * the runtime applies left to right. Unknown names and bad arguments fail here with MIMICFIX_GENERATOR; a value
 * of the wrong type fails when converted, also with MIMICFIX_GENERATOR and the location.
 */
export function createConverters(text: string, ctx: GenContext, location: SourceLocation): Converter[] {
  return splitTopLevel(text).map(({ part, offset }) => {
    const lead = part.length - part.trimStart().length;
    const spec = parseCallSpec(part, location, offset);
    const def = BY_NAME.get(spec.name);
    const at = { ...location, column: location.column + offset + lead };
    if (!def) {
      throw new MimicfixError(
        'MIMICFIX_GENERATOR',
        `unknown converter "${spec.name}".${didYouMean(spec.name, CONVERTER_NAMES)}`,
        {
          location: at,
          hint: `Known converters: ${CONVERTER_NAMES.join(', ')}.`,
        },
      );
    }
    const fail = (message: string): never => {
      throw new MimicfixError('MIMICFIX_GENERATOR', `converter ${message}`, {
        location: at,
        hint: `Check the value given to converter ${def.name}.`,
      });
    };
    return def.create(new Args(spec, def.params, at, 'converter'), ctx, fail);
  });
}
