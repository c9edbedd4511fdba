/**
 * Compiler-style rendering of diagnostics for the terminal. The pure formatting lives in
 * `src/scenario/format.ts`, shared with the game's diagnostics card, so both print a diagnostic
 * the same way.
 */
export { ANSI, PLAIN, escapeControls, excerpt, formatDiagnostic, countDiagnostics, formatSummary } from '../scenario/format.ts';
export type { Style, Counts } from '../scenario/format.ts';
