/**
 * CONTRACT (owned by the script-language work): the Python-expression subset of DATAMIMIC scripts.
 * packages/engine/src/runtime uses exactly these exports.
 */
export type { CompiledExpression } from './compiler';
export { compileExpression } from './compiler';
export type { ScriptContext, ScriptScope } from './context';
export { PyDate, PyDateTime, PyTimedelta } from './datetime';
export { MAX_SEQUENCE_LENGTH } from './errors';
export { FAKE_METHODS } from './faker-map';
export { formatValue, pyRepr, pyStr, truthy as pyTruthy } from './py-ops';
export type { CompiledTemplate } from './template';
export { compileTemplate, renderVarTemplate } from './template';
export { isTuple, PyCallable } from './values';
