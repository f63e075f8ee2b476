/**
 * CONTRACT (owned by the generators/entities/converters work). packages/engine/src/runtime uses exactly these.
 */
import type { Faker } from '@faker-js/faker';
import type { SourceLocation } from '../errors/mimicfix-error';
import type { Rng } from '../random/rng';

export interface GenContext {
  rng: Rng;
  faker: Faker;
  /** Dataset (US, DE, ...) and locale (en, de, ...) in effect. */
  dataset: string;
  locale: string;
  /** Reference time of the run (deterministic "now"). */
  now: Date;
  /** Run-wide shared state (GlobalIncrementGenerator counters, ...). */
  shared: Map<string, unknown>;
}

/** `Name(kw=value, ...)` or bare `Name` parsed from an attribute (literals only: str, int, float, bool, None, list). */
export interface CallSpec {
  name: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}
export function parseCallSpec(_text: string, _location: SourceLocation): CallSpec {
  throw new Error('parseCallSpec: not implemented yet');
}

export interface ValueGenerator {
  next(): unknown;
}
export function createGenerator(_spec: CallSpec, _ctx: GenContext, _location: SourceLocation): ValueGenerator {
  throw new Error('createGenerator: not implemented yet');
}
export function isGeneratorName(_name: string): boolean {
  return false;
}

export interface EntityFactory {
  /** DATAMIMIC field names this entity exposes (documented in docs/entities.md). */
  readonly fields: readonly string[];
  /** A fresh entity instance (a plain object with those fields). */
  next(): Record<string, unknown>;
}
export function createEntity(_spec: CallSpec, _ctx: GenContext, _location: SourceLocation): EntityFactory {
  throw new Error('createEntity: not implemented yet');
}

/** One converter from `converter="UpperCase, DateFormat('%d.%m.%Y')"`; the runtime applies them left to right. */
export type Converter = (value: unknown) => unknown;
export function createConverters(_text: string, _ctx: GenContext, _location: SourceLocation): Converter[] {
  throw new Error('createConverters: not implemented yet');
}
