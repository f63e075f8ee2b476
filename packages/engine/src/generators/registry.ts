import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';
import { Args } from './args';
import {
  booleanGenerator,
  floatGenerator,
  globalIncrementGenerator,
  incrementGenerator,
  integerGenerator,
  uuidGenerator,
} from './basic-generators';
import {
  companyNameGenerator,
  departmentNameGenerator,
  domainGenerator,
  sectorGenerator,
  streetNameGenerator,
  urlGenerator,
} from './business-generators';
import { dataFakerGenerator } from './data-faker-generator';
import { birthdateGenerator, dateTimeGenerator } from './datetime-generator';
import type { GeneratorDef } from './generator-def';
import { cnpjGenerator, cpfGenerator, eanGenerator, ssnGenerator } from './id-generators';
import {
  academicTitleGenerator,
  emailAddressGenerator,
  familyNameGenerator,
  genderGenerator,
  givenNameGenerator,
  nobilityTitleGenerator,
  phoneNumberGenerator,
} from './person-generators';
import { toPyValue } from './py-values';
import { colorGenerator, hashGenerator, passwordGenerator, tokenGenerator } from './security-generators';
import { stringGenerator } from './string-generator';
import { didYouMean } from './suggest';
import type { CallSpec, GenContext, ValueGenerator } from './types';

const DEFS: readonly GeneratorDef[] = [
  incrementGenerator,
  integerGenerator,
  floatGenerator,
  booleanGenerator,
  stringGenerator,
  dateTimeGenerator,
  uuidGenerator,
  emailAddressGenerator,
  givenNameGenerator,
  familyNameGenerator,
  genderGenerator,
  birthdateGenerator,
  phoneNumberGenerator,
  companyNameGenerator,
  departmentNameGenerator,
  sectorGenerator,
  domainGenerator,
  urlGenerator,
  streetNameGenerator,
  academicTitleGenerator,
  nobilityTitleGenerator,
  ssnGenerator,
  eanGenerator,
  cnpjGenerator,
  cpfGenerator,
  hashGenerator,
  tokenGenerator,
  passwordGenerator,
  colorGenerator,
  dataFakerGenerator,
  globalIncrementGenerator,
];

const BY_NAME = new Map(DEFS.map((d) => [d.name, d]));

/** Every generator name the engine knows, in documentation order. */
export const GENERATOR_NAMES: readonly string[] = DEFS.map((d) => d.name);

/** True for a known generator name (exact spelling, as DATAMIMIC). */
export function isGeneratorName(name: string): boolean {
  return BY_NAME.has(name);
}

/**
 * A generator instance for the call. Throws MIMICFIX_GENERATOR for an unknown name (with "did you mean" and
 * the list) or bad arguments (naming the argument). Randomness comes only from `ctx.rng`/`ctx.faker`, so the
 * runtime decides the stream (e.g. `ctx.rng.fork(generatorText)`).
 */
export function createGenerator(spec: CallSpec, ctx: GenContext, location: SourceLocation): ValueGenerator {
  const def = BY_NAME.get(spec.name);
  if (!def) {
    throw new MimicfixError(
      'MIMICFIX_GENERATOR',
      `unknown generator "${spec.name}".${didYouMean(spec.name, GENERATOR_NAMES)}`,
      {
        location,
        hint: `Known generators: ${GENERATOR_NAMES.join(', ')}.`,
      },
    );
  }
  const gen = def.create(new Args(spec, def.params, location), ctx);
  return { next: () => toPyValue(gen.next()) };
}
