import { MimicfixError, type SourceLocation } from '../errors/mimicfix-error';
import {
  type CompiledExpression,
  type CompiledTemplate,
  compileExpression,
  compileTemplate,
} from '../script';
import { attr, scriptBase, type XmlAttribute, type XmlElement } from '../xml/xml-node';
import type { Frame, RunState } from './run-state';

/** An attribute value compiled once: a constant string, or a `{expr}` template evaluated per record. */
export interface AttrValue {
  readonly constant: boolean;
  readonly raw: string;
  readonly location: SourceLocation;
  get(frame: Frame, ctx: Parameters<CompiledTemplate['evaluate']>[1]): unknown;
}

export function hasExpr(text: string): boolean {
  return /\{[^}]*\}/.test(text);
}

export function compileAttr(a: XmlAttribute): AttrValue {
  if (!hasExpr(a.value)) {
    const v = a.value;
    return { constant: true, raw: v, location: a.location, get: () => v };
  }
  const t = compileTemplate(a.value, scriptBase(a));
  return {
    constant: t.isConstant,
    raw: a.value,
    location: a.location,
    get: (f, ctx) => t.evaluate(f.scope, ctx),
  };
}

/**
 * A path-like attribute (`source`, `uri`) that may be `{expr}`: evaluated once, when compiled, with the setup
 * scope (properties and setup variables), since it names a file rather than a per-record value.
 */
export function staticPath(a: XmlAttribute, run: RunState): string {
  if (!hasExpr(a.value)) return a.value;
  const t = compileTemplate(a.value, scriptBase(a));
  const rng = run.rng.fork(`path:${a.value}`);
  return String(t.evaluate((n) => run.lookupGlobal(n), run.scriptContext(rng))).trim();
}

export function optionalAttr(el: XmlElement, name: string): AttrValue | undefined {
  const a = attr(el, name);
  return a ? compileAttr(a) : undefined;
}

export function compileExpr(a: XmlAttribute): CompiledExpression {
  return compileExpression(a.value, scriptBase(a));
}

export function invalidValue(a: { location: SourceLocation }, message: string, hint: string): never {
  throw new MimicfixError('MIMICFIX_DESCRIPTOR_INVALID', message, { location: a.location, hint });
}

/**
 * A boolean attribute (`cyclic`, `sourceScripted`): only True/False/true/false are accepted, so a typo such as
 * `cyclic="maybe"` is an error instead of silently meaning false. Absent → `fallback`.
 */
export function boolAttr(el: XmlElement, name: string, fallback: boolean): boolean {
  const a = attr(el, name);
  if (!a) return fallback;
  const v = a.value.trim();
  if (v === 'True' || v === 'true') return true;
  if (v === 'False' || v === 'false') return false;
  return invalidValue(
    a,
    `${name}="${a.value}" is not a boolean: write True, False, true or false`,
    `write ${name}="True" or ${name}="False"`,
  );
}

/** `true`/`True`/`1` → true. */
export function parseBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  const s = String(v).trim().toLowerCase();
  return s === 'true' || s === '1' || s === 'yes';
}

/** Python truthiness of a condition value. */
export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object' && !(v instanceof Date)) return Object.keys(v).length > 0;
  return true;
}

/** Whole non-negative number from an attribute value (count, minCount, ...). */
export function toCount(v: unknown, a: { location: SourceLocation; raw?: string }, what: string): number {
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) {
    invalidValue(a, `${what} must be a whole number >= 0, got ${JSON.stringify(v)}`, `write ${what}="10"`);
  }
  return n;
}
