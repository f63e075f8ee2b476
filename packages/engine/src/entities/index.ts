import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';
import { Args } from '../generators/args';
import { fakerFor } from '../generators/faker-for';
import { isGerman } from '../generators/locale-data';
import { toPyRecordInPlace } from '../generators/py-values';
import { didYouMean } from '../generators/suggest';
import type { CallSpec, EntityFactory, GenContext } from '../generators/types';
import { address, city, company, country, person } from './common-entities';
import type { EntityDef } from './entity-def';
import { bankAccount, bankEntity, creditCard, order, productEntity, transaction } from './finance-entities';
import { doctor, hospital, medicalDevice, medicalProcedure, patient } from './healthcare-entities';
import { insuranceCompany, insuranceCoverage, insurancePolicy, insuranceProduct } from './insurance-entities';
import { administrationOffice, educationalInstitution, policeOfficer } from './public-sector-entities';

const DEFS: readonly EntityDef[] = [
  person,
  address,
  company,
  city,
  country,
  creditCard,
  bankEntity,
  bankAccount,
  transaction,
  productEntity,
  order,
  patient,
  doctor,
  hospital,
  medicalDevice,
  medicalProcedure,
  insuranceCompany,
  insurancePolicy,
  insuranceProduct,
  insuranceCoverage,
  administrationOffice,
  educationalInstitution,
  policeOfficer,
];
const BY_NAME = new Map(DEFS.map((d) => [d.name, d]));

/** Arguments every entity accepts besides its own. `count` is accepted for DATAMIMIC compatibility and ignored. */
const COMMON_PARAMS = ['dataset', 'locale', 'count'];

/** Every entity name the engine knows. */
export const ENTITY_NAMES: readonly string[] = DEFS.map((d) => d.name);

/** The field names of an entity (undefined for an unknown name). */
export function entityFieldNames(name: string): readonly string[] | undefined {
  return BY_NAME.get(name)?.fields;
}

/**
 * An entity factory for `entity="Person(min_age=18)"`. `dataset=`/`locale=` arguments override the context's;
 * data is German for DE/AT/CH (or locale de), US otherwise. Unknown names/arguments → MIMICFIX_GENERATOR.
 */
export function createEntity(spec: CallSpec, ctx: GenContext, location: SourceLocation): EntityFactory {
  const def = BY_NAME.get(spec.name);
  if (!def) {
    throw new MimicfixError(
      'MIMICFIX_GENERATOR',
      `unknown entity "${spec.name}".${didYouMean(spec.name, ENTITY_NAMES)}`,
      {
        location,
        hint: `Known entities: ${ENTITY_NAMES.join(', ')}.`,
      },
    );
  }
  const args = new Args(spec, [...def.params, ...COMMON_PARAMS], location, 'entity');
  const { faker, dataset, locale } = fakerFor(ctx, args.str('dataset'), args.str('locale'));
  const german = isGerman(dataset, locale);
  const build = def.create(args, {
    ctx,
    rng: ctx.rng,
    faker,
    dataset: dataset || (german ? 'DE' : 'US'),
    locale,
    german,
    now: ctx.now,
  });
  // Every entity builder returns a fresh object literal per call, so its fields can be converted in place.
  return { fields: def.fields, next: () => toPyRecordInPlace(build()) };
}
