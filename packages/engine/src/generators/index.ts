/**
 * CONTRACT (owned by the generators/entities/converters work). packages/engine/src/runtime uses exactly these.
 * This file only re-exports.
 */
export { CONVERTER_NAMES, createConverters } from '../converters/index';
export { createEntity, ENTITY_NAMES, entityFieldNames } from '../entities/index';
export { parseCallSpec, splitTopLevel } from './call-spec';
export { ageAt, strftime, strptime } from './date-format';
export { GeneratorCache } from './generator-cache';
export { createGenerator, GENERATOR_NAMES, isGeneratorName } from './registry';
export type { CallSpec, Converter, EntityFactory, GenContext, ValueGenerator } from './types';
