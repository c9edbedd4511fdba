/** The scenario module: load, validate and check scenario files. Pure: no engine, no DOM. */
export { loadScenario } from './load.ts';
export type { LoadResult } from './load.ts';
export { parseCondition, evaluateCondition, conditionVariables } from './condition.ts';
export type { ConditionError, ConditionParseResult } from './condition.ts';
export { DIAGNOSTIC_CODES, ALL_DIAGNOSTIC_CODES, compareDiagnostics, hasErrors } from './diagnostics.ts';
export type { Diagnostic, DiagnosticCode, DiagnosticInfo, Position, Range, Severity } from './diagnostics.ts';
export type * from './model.ts';
export * from './vocabulary.ts';
export { checkLibrary } from './library.ts';
export type { LibraryFile } from './library.ts';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.ts';
